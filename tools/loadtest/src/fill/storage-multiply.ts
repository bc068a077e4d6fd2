import { PREDICTION_RESULTS_COLLECTION, PREDICTIONS_COLLECTION } from '@sibyl/persistence';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Where a FerretDB keeps a database's rows, for {@link multiplyInStorage}. */
export type FerretStorage =
  | { kind: 'sqlite'; /** FerretDB's data folder. */ dir: string }
  | { kind: 'postgresql'; /** The PostgreSQL database FerretDB runs on. */ url: string };

/** Longest a storage statement may wait for FerretDB's write lock (ms). */
const STORAGE_LOCK_TIMEOUT_MS = 600_000;

/** Hex digits of the copy number in a copied `_id` (the UUID's last group). */
const COPY_ID_DIGITS = 12;

/** Characters of a UUID kept before the copy number. */
const COPY_ID_PREFIX = 36 - COPY_ID_DIGITS;

/** The `_id` of copy `n` of the document whose `_id` is `seedId` (see {@link multiplyInStorage}). */
export function copyId(seedId: string, n: number): string {
  return seedId.slice(0, COPY_ID_PREFIX) + n.toString(16).padStart(COPY_ID_DIGITS, '0');
}

/**
 * Copies every request and result already in `database` `copies` times inside FerretDB's storage
 * (one `INSERT … SELECT` per collection in SQLite or PostgreSQL, not a document at a time through
 * the wire protocol): copy `n` of a document gets the `_id` whose last UUID group is `n` and a
 * submission `n` ms earlier, so each copied request keeps its result. The rows FerretDB wrote
 * itself are the template, so the copies are in its exact storage format.
 */
export function multiplyInStorage(storage: FerretStorage, database: string, copies: number): void {
  if (!Number.isInteger(copies) || copies < 1) return;
  for (const collection of [PREDICTIONS_COLLECTION, PREDICTION_RESULTS_COLLECTION]) {
    if (storage.kind === 'sqlite') multiplySqlite(storage.dir, database, collection, copies);
    else multiplyPostgres(storage.url, database, collection, copies);
  }
}

function multiplySqlite(dir: string, database: string, collection: string, copies: number): void {
  const file = join(dir, `${database}.sqlite`);
  const table = execFileSync('sqlite3', [
    '-cmd',
    `.timeout ${STORAGE_LOCK_TIMEOUT_MS}`,
    file,
    `SELECT table_name FROM _ferretdb_collections WHERE name = '${collection}'`,
  ])
    .toString()
    .trim();
  if (!table) throw new Error(`no table of ${collection} in ${file}`);
  const doc = '_ferretdb_sjson';
  const sql = `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${copies})
    INSERT INTO "${table}" (${doc})
    SELECT json_set(${doc},
      '$._id', substr(json_extract(${doc}, '$._id'), 1, ${COPY_ID_PREFIX}) || printf('%0${COPY_ID_DIGITS}x', n),
      '$.submittedAt', json_extract(${doc}, '$.submittedAt') - n)
    FROM (SELECT ${doc} FROM "${table}"), k;`;
  execFileSync('sqlite3', ['-cmd', `.timeout ${STORAGE_LOCK_TIMEOUT_MS}`, file, sql]);
}

function multiplyPostgres(url: string, database: string, collection: string, copies: number): void {
  const psql = (sql: string): string =>
    execFileSync('psql', ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql])
      .toString()
      .trim();
  const table = psql(
    `SELECT _jsonb->>'table' FROM "${database}"._ferretdb_database_metadata WHERE _jsonb->>'_id' = '${collection}'`,
  );
  if (!table) throw new Error(`no table of ${collection} in schema ${database}`);
  psql(`INSERT INTO "${database}"."${table}" (_jsonb)
    SELECT jsonb_set(jsonb_set(_jsonb,
      '{_id}', to_jsonb(left(_jsonb->>'_id', ${COPY_ID_PREFIX}) || lpad(to_hex(n), ${COPY_ID_DIGITS}, '0'))),
      '{submittedAt}', to_jsonb((_jsonb->>'submittedAt')::bigint - n))
    FROM (SELECT _jsonb FROM "${database}"."${table}") AS t, generate_series(1, ${copies}) AS n;
    ANALYZE "${database}"."${table}";`);
}
