import { CachingModelSource } from './caching-model.source';
import type { ModelSource } from './model-source.interface';

describe('CachingModelSource', () => {
  const fetch = jest.fn(async (version: string) => Buffer.from(version));
  const inner: ModelSource = { live: async () => ({ version: 'v', sha256: 's' }), fetch };
  beforeEach(() => fetch.mockClear());

  it('reads a version from the registry once while it is among the last two fetched', async () => {
    const source = new CachingModelSource(inner);
    await source.fetch('a');
    await source.fetch('b');
    expect((await source.fetch('a')).toString()).toBe('a'); // rollback to a: cached
    expect(fetch.mock.calls.map(([v]) => v)).toEqual(['a', 'b']);
    await source.fetch('c'); // evicts b, the least recently used
    await source.fetch('b');
    expect(fetch.mock.calls.map(([v]) => v)).toEqual(['a', 'b', 'c', 'b']);
  });

  it('always asks the registry which version is live', async () => {
    await expect(new CachingModelSource(inner).live()).resolves.toEqual({
      version: 'v',
      sha256: 's',
    });
  });
});
