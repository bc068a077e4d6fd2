import { ApiKeyInputError, ApiKeyRecord, hashApiKey } from '@sibyl/auth';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalKey, LocalKeyStore } from './local-key';

function memoryStore(): LocalKeyStore & { records: ApiKeyRecord[] } {
  const records: ApiKeyRecord[] = [];
  let counter = 0;
  return {
    records,
    findByHash: async (hash) => records.find((record) => record._id === hash) ?? null,
    create: async ({ name, scopes }) => {
      if (records.some((record) => record.name === name)) {
        throw new ApiKeyInputError(`a key named "${name}" already exists`, true);
      }
      const key = `sk_${String(++counter).padStart(43, 'x')}`;
      records.push({ _id: hashApiKey(key), name, scopes: [...scopes], createdAt: new Date() });
      return { key, name, scopes: [...scopes], rateLimit: null };
    },
  };
}

describe('ensureLocalKey', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'sibyl-key-')), '.data', 'api-key');

  it('creates an all-scope key once and writes it with mode 0600', async () => {
    const store = memoryStore();
    const path = file();
    const first = await ensureLocalKey(store, path);
    expect(first.created).toBe(true);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.key);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(store.records[0]).toMatchObject({
      name: 'local',
      scopes: ['predict', 'read', 'feedback', 'metrics', 'admin'],
    });
    expect(await ensureLocalKey(store, path)).toEqual({ key: first.key, created: false });
    expect(store.records).toHaveLength(1);
  });

  it('replaces a revoked or unknown key, under a new name if "local" is taken', async () => {
    const store = memoryStore();
    const path = file();
    await ensureLocalKey(store, path);
    store.records[0].revokedAt = new Date();
    const replaced = await ensureLocalKey(store, path, () => new Date('2026-01-02T03:04:05Z'));
    expect(replaced.created).toBe(true);
    expect(store.records[1].name).toBe('local-2026-01-02T03-04-05-000Z');
    writeFileSync(path, 'sk_forgotten\n');
    expect((await ensureLocalKey(store, path)).created).toBe(true);
  });
});
