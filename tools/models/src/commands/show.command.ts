import { formatModelDetails } from '../format/model-details';
import type { ModelsCommand } from './models-command';
import { onePositional } from './models-command';

/** `show V`: one version with provenance, metrics, shadow report and changelog. */
export const showCommand: ModelsCommand = {
  name: 'show',
  usage: 'show VERSION [--json]',
  summary: 'One version: provenance, metrics per language, shadow report, changelog.',
  async run({ registry, io, json }, positionals) {
    const record = await registry.getOrThrow(onePositional('show', positionals, 'VERSION'));
    if (json) io.out(JSON.stringify(record));
    else for (const line of formatModelDetails(record)) io.out(line);
    return 0;
  },
};
