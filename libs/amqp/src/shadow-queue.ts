import type { MessagingNames } from '@sibyl/contracts';
import type { TopologyChannel } from './prediction-topology';

/** Default `x-max-length` of the shadow queue: copies beyond it drop the oldest (never block). */
export const DEFAULT_SHADOW_QUEUE_MAX_LENGTH = 10000;

/**
 * Arguments of the shadow queue: a classic queue holding at most `maxLength` messages, dropping
 * the oldest beyond (`drop-head`), so a slow or absent shadow consumer never pushes back on the
 * gateway's publishes (a full queue still confirms). No dead-letter exchange: dropped copies are
 * not failures, they are simply not evaluated.
 */
export function shadowQueueArguments(maxLength: number): Record<string, unknown> {
  return { 'x-queue-type': 'classic', 'x-max-length': maxLength, 'x-overflow': 'drop-head' };
}

/**
 * Declares, idempotently, the shadow queue with {@link shadowQueueArguments} and binds it to the
 * requests exchange with the requests' routing key, so the broker copies every request to it. The
 * models CLI declares it when a shadow run starts, predictors again before consuming it (with the
 * run's `maxLength`, so the declarations agree); whoever stops the run deletes it.
 */
export async function assertShadowQueue(
  channel: TopologyChannel,
  names: Pick<MessagingNames, 'requestsExchange' | 'routingKey' | 'shadowQueue'>,
  maxLength: number,
): Promise<void> {
  await channel.assertExchange(names.requestsExchange, 'direct', { durable: true });
  await channel.assertQueue(names.shadowQueue, {
    durable: true,
    arguments: shadowQueueArguments(maxLength),
  });
  await channel.bindQueue(names.shadowQueue, names.requestsExchange, names.routingKey);
}
