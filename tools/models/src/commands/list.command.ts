import { formatModelTable } from '../format/model-table';
import type { ModelsCommand } from './models-command';
import { UsageError } from './models-command';

/** `list`: every registered version, newest first. */
export const listCommand: ModelsCommand = {
  name: 'list',
  usage: 'list [--json]',
  summary: 'Every registered version with status and headline metrics, newest first.',
  async run({ registry, io, json }, positionals) {
    if (positionals.length > 0) throw new UsageError(`list takes no argument "${positionals[0]}"`);
    const records = await registry.list();
    if (json) io.out(JSON.stringify(records));
    else for (const line of formatModelTable(records)) io.out(line);
    return 0;
  },
};
