import { FerretStorage, fillDatabase } from '@sibyl/loadtest';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const FILL_HELP = `Stores N realistic results (each with its request) in a database, for benches "with N results stored".

Usage: npm run bench -- fill --uri mongodb://127.0.0.1:41790/sibyl [--results 1000000] [storage]
  --uri URI              the database (its name is the URI's path)
  --results N            default 1000000
  --owner HASH           owner (API key id) of the requests, default a filler owner
  storage (FerretDB only; without it every document goes through insertMany, ~minutes per million):
  --sqlite-dir DIR       the FerretDB's SQLite data folder: 2000 results are inserted, then copied in SQLite
  --postgresql-url URL   the PostgreSQL database FerretDB runs on: the same, copied in PostgreSQL
`;

/** \`npm run bench -- fill …\`. */
export async function runFillCli(argv: string[]): Promise<void> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      uri: { type: 'string' },
      results: { type: 'string', default: '1000000' },
      owner: { type: 'string' },
      'sqlite-dir': { type: 'string' },
      'postgresql-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help || !v.uri) return void process.stdout.write(FILL_HELP);
  const storage: FerretStorage | undefined = v['sqlite-dir']
    ? { kind: 'sqlite', dir: resolve(v['sqlite-dir']) }
    : v['postgresql-url']
      ? { kind: 'postgresql', url: v['postgresql-url'] }
      : undefined;
  const outcome = await fillDatabase({
    uri: v.uri,
    results: Number(v.results),
    owner: v.owner,
    storage,
    log: (line) => void process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}
