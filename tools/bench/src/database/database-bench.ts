import { FILL_SEED_RESULTS, fillDatabase, FerretStorage } from '@sibyl/loadtest';
import mongoose from 'mongoose';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startBenchFerret } from './ferret-process';
import { FERRET_VARIANTS, FerretVariant, VariantEnvironment } from './ferret-variants';
import { MeasureSettings, measureVariant, VariantMeasurement } from './database-measurements';

/** Database (SQLite file / PostgreSQL schema) the bench fills and reads. */
const BENCH_DATABASE = 'bench';

/** Everything one database bench needs. */
export interface DatabaseBenchOptions {
  binary: string;
  /** Results to hold during the reads. */
  results: number;
  variants: string[];
  /** First port; variant i listens on port + i. */
  port: number;
  /** Kept between runs: the SQLite fill is reused. */
  dataDir: string;
  /** An existing PostgreSQL database to connect to for CREATE/DROP DATABASE. */
  postgresqlAdminUrl: string;
  /** Name of the PostgreSQL database created for the bench (dropped afterwards). */
  postgresqlDatabase: string;
  settings: MeasureSettings;
  log: (line: string) => void;
}

/** One variant's row of the report. */
export interface DatabaseBenchRow {
  variant: FerretVariant;
  results: number;
  /** Seconds the fill took in this run (0 when reused). */
  fillSeconds: number;
  measurement?: VariantMeasurement;
  error?: string;
}

/** Collection of the bench's note of a completed fill (counting a million documents scans them on FerretDB). */
const FILL_NOTE_COLLECTION = 'bench_fill';

/**
 * Results a completed fill stored in the bench database at `uri` (0 if none); with `filled`, the
 * database is first dropped (`filled` 0) or the note written.
 */
async function filledResults(uri: string, filled?: number): Promise<number> {
  const client = new mongoose.mongo.MongoClient(uri);
  try {
    await client.connect();
    const notes = client.db().collection<{ _id: string; results: number }>(FILL_NOTE_COLLECTION);
    if (filled === 0) await client.db().dropDatabase();
    else if (filled !== undefined)
      await notes.replaceOne({ _id: 'fill' }, { results: filled }, { upsert: true });
    return (await notes.findOne({ _id: 'fill' }))?.results ?? 0;
  } finally {
    await client.close();
  }
}

function psql(url: string, sql: string): void {
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Runs each variant in turn: start FerretDB, fill to `results` if needed, measure, stop. */
export async function runDatabaseBench(o: DatabaseBenchOptions): Promise<DatabaseBenchRow[]> {
  const pgUrl = new URL(o.postgresqlAdminUrl);
  pgUrl.pathname = `/${o.postgresqlDatabase}`;
  const env: VariantEnvironment = {
    sqliteDir: join(o.dataDir, 'sqlite'),
    postgresqlUrl: pgUrl.toString(),
  };
  mkdirSync(env.sqliteDir, { recursive: true });
  const variants = FERRET_VARIANTS.filter((v) => o.variants.includes(v.id));
  const usesPostgres = variants.some((v) => v.backend === 'postgresql');
  if (usesPostgres) {
    psql(o.postgresqlAdminUrl, `DROP DATABASE IF EXISTS "${o.postgresqlDatabase}"`);
    psql(o.postgresqlAdminUrl, `CREATE DATABASE "${o.postgresqlDatabase}"`);
  }
  const rows: DatabaseBenchRow[] = [];
  try {
    for (const [i, variant] of variants.entries()) {
      o.log(`${variant.id}: ${variant.title}`);
      const ferret = await startBenchFerret(
        o.binary,
        o.port + i,
        variant.args(env),
        join(o.dataDir, `${variant.id}.log`),
        BENCH_DATABASE,
      );
      const row: DatabaseBenchRow = { variant, results: 0, fillSeconds: 0 };
      rows.push(row);
      try {
        row.results = await filledResults(ferret.uri);
        if (row.results < o.results) {
          // a fill is one seed and its copies (the reads derive ids from them): start empty
          await filledResults(ferret.uri, 0);
          const storage: FerretStorage =
            variant.backend === 'sqlite'
              ? { kind: 'sqlite', dir: env.sqliteDir }
              : { kind: 'postgresql', url: env.postgresqlUrl };
          const filled = await fillDatabase({
            uri: ferret.uri,
            results: o.results,
            storage,
            log: (line) => o.log(`  ${line}`),
          });
          row.fillSeconds = filled.seconds;
          row.results = await filledResults(ferret.uri, filled.results);
        }
        const copies = Math.floor(row.results / FILL_SEED_RESULTS) - 1;
        row.measurement = await measureVariant(ferret.uri, copies, o.settings, o.log);
      } catch (error) {
        row.error = error instanceof Error ? error.message : String(error);
        o.log(`  failed: ${row.error}`);
      } finally {
        await ferret.stop();
      }
    }
  } finally {
    if (usesPostgres)
      psql(o.postgresqlAdminUrl, `DROP DATABASE IF EXISTS "${o.postgresqlDatabase}"`);
  }
  return rows;
}
