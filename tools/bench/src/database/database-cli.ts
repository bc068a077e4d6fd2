import { buildFerretDb } from '@sibyl/testing';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSection } from '../benchmarks-file';
import { runDatabaseBench } from './database-bench';
import { DATABASE_SECTION, renderDatabaseSection } from './database-markdown';
import { FERRET_VARIANTS } from './ferret-variants';

export const DATABASE_HELP = `Database bench: FerretDB 1.24.2 backends and settings, in one invocation.

Usage: npm run bench -- database [options]
  --results N          results stored while reading (default 1000000; filled once and reused for SQLite)
  --variants IDS       comma-separated, default all: ${FERRET_VARIANTS.map((v) => v.id).join(', ')}
  --concurrency N      concurrent insertMany (default 16)    --group N   documents per insertMany (default 8)
  --insert-seconds S   default 10
  --reads N            sequential findOne({_id}) (default 200)
  --in-size N          ids per $in / parallel lookup (default 20)   --in-reads N  default 3
  --in-timeout S       maxTimeMS of a $in read (it scans on FerretDB), default 60
  --port N             first port (default 41700; one per variant)
  --data DIR           default .data/bench-database (the SQLite fill is kept there)
  --postgresql-url URL an existing database for CREATE/DROP DATABASE (default postgres://postgres@127.0.0.1:5432/postgres)
  --ferretdb PATH      FerretDB wrapper binary (default: tools/ferretdb, built if missing)
  --no-write           print the section instead of updating BENCHMARKS.md
`;

/** \`npm run bench -- database …\`: runs the variants and writes the "Database" section. */
export async function runDatabaseCli(argv: string[]): Promise<void> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      results: { type: 'string', default: '1000000' },
      variants: { type: 'string', default: FERRET_VARIANTS.map((x) => x.id).join(',') },
      concurrency: { type: 'string', default: '16' },
      group: { type: 'string', default: '8' },
      'insert-seconds': { type: 'string', default: '10' },
      reads: { type: 'string', default: '200' },
      'in-size': { type: 'string', default: '20' },
      'in-reads': { type: 'string', default: '3' },
      'in-timeout': { type: 'string', default: '60' },
      port: { type: 'string', default: '41700' },
      data: { type: 'string', default: '.data/bench-database' },
      'postgresql-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      ferretdb: { type: 'string' },
      'no-write': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) return void process.stdout.write(DATABASE_HELP);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const variants = (v.variants as string).split(',').map((s) => s.trim());
  const unknown = variants.filter((id) => !FERRET_VARIANTS.some((x) => x.id === id));
  if (unknown.length > 0) throw new Error(`unknown variant(s): ${unknown.join(', ')}`);
  const settings = {
    concurrency: Number(v.concurrency),
    groupSize: Number(v.group),
    insertSeconds: Number(v['insert-seconds']),
    reads: Number(v.reads),
    inSize: Number(v['in-size']),
    inReads: Number(v['in-reads']),
    inTimeoutMs: Number(v['in-timeout']) * 1000,
  };
  const rows = await runDatabaseBench({
    binary: v.ferretdb ? resolve(v.ferretdb) : buildFerretDb(log),
    results: Number(v.results),
    variants,
    port: Number(v.port),
    dataDir: resolve(v.data as string),
    postgresqlAdminUrl: v['postgresql-url'] as string,
    postgresqlDatabase: 'sibyl_bench_database',
    settings,
    log,
  });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM`;
  const command = ['npm run bench -- database', ...argv].join(' ');
  const body = renderDatabaseSection(rows, settings, command, machine, new Date().toISOString());
  if (v['no-write']) process.stdout.write(`${body}\n`);
  else {
    writeSection(join(process.cwd(), 'BENCHMARKS.md'), DATABASE_SECTION, body);
    log('updated BENCHMARKS.md (section "Database")');
  }
  if (rows.some((row) => row.error)) process.exitCode = 1;
}
