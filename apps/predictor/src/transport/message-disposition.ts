/**
 * What the transport does with a delivered message once its handler has settled:
 * - `ack`: the work is durably done (result written) — remove it from the queue;
 * - `dead-letter`: it can never succeed (malformed, unknown type, unprocessable) — publish a copy with the reason
 *   to the dead-letter exchange (confirmed), then ack;
 * - `requeue`: it failed for a transient reason (database down) — after a pause, nack with requeue; the quorum
 *   queue's delivery limit dead-letters a message that keeps failing.
 */
export type MessageDisposition =
  | { action: 'ack' }
  | { action: 'dead-letter'; reason: string; category: DeadLetterCategory }
  | { action: 'requeue'; reason: string };

/** Low-cardinality class of a dead-letter reason (a metric label; the full reason goes in the header). */
export type DeadLetterCategory = 'malformed' | 'oversized' | 'unknown_type' | 'prediction_failed';

/** The message is done. */
export const ACK: MessageDisposition = Object.freeze({ action: 'ack' });

/** The message can never succeed; `reason` is sent with the dead letter. */
export function deadLetter(reason: string, category: DeadLetterCategory): MessageDisposition {
  return { action: 'dead-letter', reason, category };
}

/** The message failed for a transient reason and should be retried later. */
export function requeue(reason: string): MessageDisposition {
  return { action: 'requeue', reason };
}

/** True for a value returned by a handler that tells the transport what to do. */
export function isMessageDisposition(value: unknown): value is MessageDisposition {
  if (typeof value !== 'object' || value === null) return false;
  const action = (value as { action?: unknown }).action;
  return action === 'ack' || action === 'dead-letter' || action === 'requeue';
}
