import { deadline } from '@sibyl/contracts';
import { PublishTimeoutError } from './publish-errors';

/** Extra time the deadline guard grants beyond the channel's own publish timeout. */
const DEADLINE_SLACK_MS = 250;

/** Reason of a publish without a confirm in time. */
export function timedOut(target: string, timeoutMs: number): string {
  return `publish to ${target}: no broker confirm within ${timeoutMs} ms`;
}

/**
 * Settles like `confirm`, or rejects with a {@link PublishTimeoutError} once the channel's own
 * publish timeout plus {@link DEADLINE_SLACK_MS} passed. Guards against amqp-connection-manager
 * re-buffering an in-flight message without its timeout when the connection drops between publish
 * and confirm.
 */
export function confirmDeadline<T>(
  confirm: Promise<T>,
  target: string,
  timeoutMs: number,
): Promise<T> {
  const ms = timeoutMs + DEADLINE_SLACK_MS;
  return deadline(confirm, ms, () => new PublishTimeoutError(timedOut(target, ms)));
}
