import { deadline } from './deadline';

class LateError extends Error {
  override readonly name = 'LateError';
}

describe('deadline', () => {
  afterEach(() => jest.useRealTimers());

  it('settles like the promise when it answers in time', async () => {
    const onTimeout = jest.fn(() => new LateError('late'));
    await expect(deadline(Promise.resolve('ok'), 1000, onTimeout)).resolves.toBe('ok');
    await expect(deadline(Promise.reject(new Error('bad')), 1000, onTimeout)).rejects.toThrow(
      'bad',
    );
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it("rejects with onTimeout's error once the bound passed", async () => {
    jest.useFakeTimers();
    const bounded = deadline(new Promise<never>(() => undefined), 250, () => new LateError('x'));
    jest.advanceTimersByTime(249);
    jest.advanceTimersByTime(1);
    const error = await bounded.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LateError);
    expect(error).toMatchObject({ name: 'LateError', message: 'x' });
  });

  it('leaves no timer behind once the promise settled', async () => {
    jest.useFakeTimers();
    await deadline(Promise.resolve(1), 60_000, () => new LateError('late'));
    expect(jest.getTimerCount()).toBe(0);
  });

  it('does not keep the process alive by its timer', () => {
    const setTimeoutSpy = jest.spyOn(global, 'setTimeout');
    void deadline(new Promise<never>(() => undefined), 60_000, () => new LateError('late'));
    const timer = setTimeoutSpy.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    clearTimeout(timer);
    setTimeoutSpy.mockRestore();
  });

  it('swallows a late failure of a promise it already gave up on', async () => {
    jest.useFakeTimers();
    let fail: (error: Error) => void = () => undefined;
    const late = new Promise<never>((_, reject) => (fail = reject));
    const bounded = deadline(late, 10, () => new LateError('late'));
    jest.advanceTimersByTime(10);
    await expect(bounded).rejects.toBeInstanceOf(LateError);
    fail(new Error('connection reset'));
    await Promise.resolve(); // an unhandled rejection would fail the suite here
  });

  it.each([0, -1, Number.POSITIVE_INFINITY, Number.NaN])('is unbounded for a bound of %s', (ms) => {
    const promise = Promise.resolve('as is');
    expect(deadline(promise, ms, () => new LateError('late'))).toBe(promise);
  });
});
