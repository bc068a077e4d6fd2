/**
 * Settles like `promise`, or rejects with the error `onTimeout` makes once `ms` passed without
 * an answer. The timer is cleared either way and never keeps the process alive by itself; a late
 * failure of the abandoned promise is swallowed, not reported as unhandled. `ms` ≤ 0 or not
 * finite means unbounded: `promise` itself is returned.
 *
 * The one deadline of the workspace: the database bound (`withDeadline` of `@sibyl/persistence`,
 * a `DatabaseTimeoutError`) and the broker-confirm bound (`@sibyl/amqp`'s publisher, a
 * `PublishTimeoutError`) differ only in the error they raise.
 */
export function deadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  if (!(ms > 0 && Number.isFinite(ms))) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
