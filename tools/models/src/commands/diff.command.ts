import { metricDeltas } from '@sibyl/registry';
import { formatDeltas } from '../format/deltas-table';
import { formatHeadline } from '../format/model-details';
import type { ModelsCommand } from './models-command';
import { UsageError } from './models-command';

/** `diff V1 V2`: metric deltas `V2 − V1`, overall and per language. */
export const diffCommand: ModelsCommand = {
  name: 'diff',
  usage: 'diff V1 V2 [--json]',
  summary: 'Metric deltas V2 - V1: held-out accuracy, macro-F1, UDHR, F1 per language.',
  async run({ registry, io, json }, positionals) {
    if (positionals.length !== 2) throw new UsageError('diff takes two versions: diff V1 V2');
    const [a, b] = await Promise.all(positionals.map((version) => registry.getOrThrow(version)));
    const deltas = metricDeltas(b.metrics, a.metrics, a.version);
    if (json) {
      io.out(JSON.stringify({ from: a.version, to: b.version, deltas }));
      return 0;
    }
    for (const line of [...formatHeadline(a, b), '', ...formatDeltas(deltas, true)]) io.out(line);
    return 0;
  },
};
