import { ApiKeyStore, hashApiKey, SCOPES } from '@sibyl/auth';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mongoose';

/** Where `npm start` keeps the local all-scope key (git-ignored, mode 0600). */
export const LOCAL_KEY_FILE = '.data/api-key';

/** Name of the local key in `api_keys`. */
export const LOCAL_KEY_NAME = 'local';

/** The store operations {@link ensureLocalKey} needs. */
export type LocalKeyStore = Pick<ApiKeyStore, 'create' | 'findByHash'>;

/** The key `npm start` gives the user and the dashboard, and whether it was created now. */
export interface LocalKey {
  key: string;
  created: boolean;
}

/**
 * The key in `file` if it is still valid (known and not revoked), else a new key with every
 * scope, written to `file` with mode 0600. The name is `local`, or `local-<time>` if `local`
 * is taken (e.g. the file was deleted).
 */
export async function ensureLocalKey(
  store: LocalKeyStore,
  file: string = LOCAL_KEY_FILE,
  now: () => Date = () => new Date(),
): Promise<LocalKey> {
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    const record = await store.findByHash(hashApiKey(key));
    if (record && !record.revokedAt) return { key, created: false };
  }
  let created;
  try {
    created = await store.create({ name: LOCAL_KEY_NAME, scopes: SCOPES });
  } catch (error) {
    if (!(error as { conflict?: boolean }).conflict) throw error;
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    created = await store.create({ name: `${LOCAL_KEY_NAME}-${stamp}`, scopes: SCOPES });
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${created.key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { key: created.key, created: true };
}

/** {@link ensureLocalKey} against the database at `mongoUri` (its own short connection). */
export async function ensureLocalKeyIn(mongoUri: string, file = LOCAL_KEY_FILE): Promise<LocalKey> {
  const connection = await createConnection(mongoUri, {
    serverSelectionTimeoutMS: 10000,
  }).asPromise();
  try {
    const store = new ApiKeyStore(connection);
    await store.ensureIndexes();
    return await ensureLocalKey(store, file);
  } finally {
    await connection.close();
  }
}
