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
