import { DatabaseTimeoutError, withDeadline } from './database-deadline';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './database-unavailable';

describe('withDeadline', () => {
  afterEach(() => jest.useRealTimers());

  it('settles like the operation when it answers in time', async () => {
    await expect(withDeadline(Promise.resolve('ok'), 1000, 'read')).resolves.toBe('ok');
    await expect(
      withDeadline(Promise.reject(new Error('bad query')), 1000, 'read'),
    ).rejects.toThrow('bad query');
  });

  it('rejects with a DatabaseTimeoutError (an unavailable database) when no answer comes in time', async () => {
    jest.useFakeTimers();
    const bounded = withDeadline(
      new Promise<never>(() => undefined),
      250,
      'insert of 2 predictions',
    );
    jest.advanceTimersByTime(250);
    const error = await bounded.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTimeoutError);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'DatabaseTimeoutError',
      operation: 'insert of 2 predictions',
      timeoutMs: 250,
      message: 'insert of 2 predictions: no answer from the database within 250 ms',
    });
  });

  it('leaves no timer behind once the operation settled', async () => {
    jest.useFakeTimers();
    await withDeadline(Promise.resolve(1), 60_000, 'read');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('swallows a late failure of an operation it already gave up on', async () => {
    jest.useFakeTimers();
    let fail: (error: Error) => void = () => undefined;
    const late = new Promise<never>((_, reject) => (fail = reject));
    const bounded = withDeadline(late, 10, 'write');
    jest.advanceTimersByTime(10);
    await expect(bounded).rejects.toBeInstanceOf(DatabaseTimeoutError);
    fail(new Error('connection reset'));
    await Promise.resolve(); // an unhandled rejection would fail the suite here
  });

  it('is unbounded for a bound of 0', async () => {
    const operation = Promise.resolve('as is');
    expect(withDeadline(operation, 0, 'read')).toBe(operation);
  });
});
