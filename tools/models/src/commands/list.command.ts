import { formatModelTable } from '../format/model-table';
import type { ModelsCommand } from './models-command';
import { noPositionals } from './models-command';

/** `list`: every registered version, newest first. */
export const listCommand: ModelsCommand = {
  name: 'list',
  usage: 'list [--json]',
  summary: 'Every registered version with status and headline metrics, newest first.',
  async run({ registry, io, json }, positionals) {
    noPositionals('list', positionals);
    const records = await registry.list();
    if (json) io.out(JSON.stringify(records));
    else for (const line of formatModelTable(records)) io.out(line);
    return 0;
  },
};
