import { generateApiKey, hashApiKey } from './api-key';
import type { ApiKeyRecord } from './api-key.schema';
import { KeyVerifier } from './key-verifier';

function fakeStore(records: ApiKeyRecord[]) {
  return {
    records,
    findByHash: jest.fn(async (hash: string) => records.find((r) => r._id === hash) ?? null),
    touch: jest.fn(async () => undefined),
  };
}

describe('KeyVerifier', () => {
  const key = generateApiKey();
  const record = (): ApiKeyRecord => ({
    _id: hashApiKey(key),
    name: 'alice',
    scopes: ['predict'],
    rateLimit: 5,
    createdAt: new Date(0),
  });
  let now: number;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('verifies a stored key and caches it for the TTL', async () => {
    const store = fakeStore([record()]);
    const verifier = new KeyVerifier(store, { cacheTtlMs: 5000 }, clock);
    await expect(verifier.verify(key)).resolves.toEqual({
      id: hashApiKey(key),
      name: 'alice',
      scopes: ['predict'],
      rateLimit: 5,
    });
    await verifier.verify(key);
    expect(store.findByHash).toHaveBeenCalledTimes(1);
  });

  it('refuses a revoked key once the cached verification expires', async () => {
    const store = fakeStore([record()]);
    const verifier = new KeyVerifier(store, { cacheTtlMs: 5000 }, clock);
    expect(await verifier.verify(key)).not.toBeNull();
    store.records[0].revokedAt = new Date(now);
    now += 4999;
    expect(await verifier.verify(key)).not.toBeNull();
    now += 2;
    expect(await verifier.verify(key)).toBeNull();
  });

  it('never reads the store for a malformed key, and caches unknown ones', async () => {
    const store = fakeStore([]);
    const verifier = new KeyVerifier(store, {}, clock);
    expect(await verifier.verify('nope')).toBeNull();
    expect(store.findByHash).not.toHaveBeenCalled();
    const unknown = generateApiKey();
    expect(await verifier.verify(unknown)).toBeNull();
    expect(await verifier.verify(unknown)).toBeNull();
    expect(store.findByHash).toHaveBeenCalledTimes(1);
  });

  it('merges concurrent lookups of one key', async () => {
    const store = fakeStore([record()]);
    const verifier = new KeyVerifier(store, {}, clock);
    await Promise.all([verifier.verify(key), verifier.verify(key), verifier.verify(key)]);
    expect(store.findByHash).toHaveBeenCalledTimes(1);
  });

  it('writes lastUsedAt at most once per interval', async () => {
    const store = fakeStore([record()]);
    const verifier = new KeyVerifier(store, { lastUsedIntervalMs: 60000 }, clock);
    for (let i = 0; i < 10; i++) await verifier.verify(key);
    expect(store.touch).toHaveBeenCalledTimes(1);
    now += 60000;
    await verifier.verify(key);
    expect(store.touch).toHaveBeenCalledTimes(2);
    expect(store.touch).toHaveBeenLastCalledWith(hashApiKey(key), new Date(now));
  });

  it('rejects when the store cannot be read, and retries next time', async () => {
    const store = fakeStore([record()]);
    store.findByHash.mockRejectedValueOnce(new Error('database down'));
    const verifier = new KeyVerifier(store, {}, clock);
    await expect(verifier.verify(key)).rejects.toThrow('database down');
    await expect(verifier.verify(key)).resolves.not.toBeNull();
  });

  it('keeps using a recent verification while the store cannot be read', async () => {
    const store = fakeStore([record()]);
    const verifier = new KeyVerifier(store, { cacheTtlMs: 1000, staleIfErrorMs: 10000 }, clock);
    await verifier.verify(key);
    store.findByHash.mockRejectedValue(new Error('database down'));
    now += 5000;
    await expect(verifier.verify(key)).resolves.toMatchObject({ name: 'alice' });
    now += 10000;
    await expect(verifier.verify(key)).rejects.toThrow('database down');
  });

  it('bounds the lookup of a key that is not cached with its deadline, and looks up again next time', async () => {
    const store = fakeStore([record()]);
    store.findByHash.mockReturnValueOnce(new Promise(() => undefined)); // a database that never answers
    const bounded: string[] = [];
    const deadline = <T>(what: string, work: Promise<T>): Promise<T> => {
      bounded.push(what);
      return bounded.length === 1 ? Promise.reject(new Error(`${what}: too slow`)) : work;
    };
    const verifier = new KeyVerifier(store, { deadline }, clock);
    await expect(verifier.verify(key)).rejects.toThrow('lookup of an API key: too slow');
    await expect(verifier.verify(key)).resolves.toMatchObject({ name: 'alice' });
    await verifier.verify(key); // cached: no lookup, nothing bounded
    expect(bounded).toEqual(['lookup of an API key', 'lookup of an API key']);
  });

  it('answers from a recent verification once a slow store took longer than the grace, and refreshes the cache when it lands', async () => {
    const store = fakeStore([record()]);
    const verifier = new KeyVerifier(store, { cacheTtlMs: 1000, staleGraceMs: 20 }, clock);
    await verifier.verify(key);
    let answer = (): void => undefined;
    store.findByHash.mockImplementationOnce(
      (hash: string) =>
        new Promise(
          (resolve) => (answer = () => resolve(store.records.find((r) => r._id === hash) ?? null)),
        ),
    );
    now += 5000; // expired: a lookup starts, the frozen store does not answer
    const started = Date.now();
    await expect(verifier.verify(key)).resolves.toMatchObject({ name: 'alice' });
    expect(Date.now() - started).toBeLessThan(1000);
    // The store answers later (the key was revoked meanwhile): the cache takes its word.
    store.records[0].revokedAt = new Date(now);
    answer();
    await new Promise((resolve) => setImmediate(resolve));
    await expect(verifier.verify(key)).resolves.toBeNull();
    expect(store.findByHash).toHaveBeenCalledTimes(2);
  });

  it('waits for the store, without a grace, for a key it never verified', async () => {
    const store = fakeStore([record()]);
    let answer = (): void => undefined;
    store.findByHash.mockImplementationOnce(
      (hash: string) =>
        new Promise(
          (resolve) => (answer = () => resolve(store.records.find((r) => r._id === hash) ?? null)),
        ),
    );
    const verifier = new KeyVerifier(store, { staleGraceMs: 1 }, clock);
    const verified = verifier.verify(key);
    await new Promise((resolve) => setTimeout(resolve, 20));
    answer();
    await expect(verified).resolves.toMatchObject({ name: 'alice' });
  });
});
