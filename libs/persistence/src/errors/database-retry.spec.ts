import { retryWhileBusy } from './database-retry';

const busy = () => new Error('database is locked (5) (SQLITE_BUSY)');

describe('retryWhileBusy', () => {
  it('retries busy refusals until the operation succeeds', async () => {
    let calls = 0;
    const result = await retryWhileBusy(async () => {
      calls++;
      if (calls < 3) throw busy();
      return 'ok';
    }, [1, 1, 1]);
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after the last delay with the busy error', async () => {
    let calls = 0;
    await expect(
      retryWhileBusy(async () => {
        calls++;
        throw busy();
      }, [1, 1]),
    ).rejects.toThrow('SQLITE_BUSY');
    expect(calls).toBe(3);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      retryWhileBusy(async () => {
        calls++;
        throw new Error('E11000 duplicate key');
      }, [1]),
    ).rejects.toThrow('E11000');
    expect(calls).toBe(1);
  });
});
