/** A publish was refused before reaching the broker (not connected, or too many in flight). */
export class PublishRefusedError extends Error {
  override readonly name = 'PublishRefusedError';
}

/** The broker did not confirm a publish in time (it may still arrive; consumers are idempotent). */
export class PublishTimeoutError extends Error {
  override readonly name = 'PublishTimeoutError';
}

/** The broker returned a mandatory message: it was routed to no queue (confirmed, yet dropped). */
export class PublishReturnedError extends Error {
  override readonly name = 'PublishReturnedError';
}

/**
 * Settles with `promise`, or rejects with a {@link PublishTimeoutError} after `ms`.
 * Guards against amqp-connection-manager re-buffering an in-flight message without its
 * timeout when the connection drops between publish and confirm.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new PublishTimeoutError(`${what}: no broker confirm within ${ms} ms`)),
      ms,
    );
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
