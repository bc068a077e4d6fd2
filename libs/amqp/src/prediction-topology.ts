import type { MessagingNames } from '@sibyl/contracts';
import type { Options } from 'amqplib';
import { DEFAULT_DELIVERY_LIMIT } from './amqp.constants';

/** The channel operations the topology needs (an amqplib `Channel` or `ConfirmChannel`). */
export interface TopologyChannel {
  assertExchange(
    exchange: string,
    type: string,
    options?: Options.AssertExchange,
  ): Promise<unknown>;
  assertQueue(queue: string, options?: Options.AssertQueue): Promise<unknown>;
  bindQueue(queue: string, source: string, pattern: string): Promise<unknown>;
}

/** Options of {@link assertPredictionTopology}. */
export interface PredictionTopologyOptions {
  /** `x-delivery-limit` of the requests queue; default {@link DEFAULT_DELIVERY_LIMIT}. */
  deliveryLimit?: number;
}

/**
 * Arguments of the requests quorum queue. They live here only: RabbitMQ refuses a
 * re-declaration with different arguments, so gateway and predictor must agree.
 */
export function requestsQueueArguments(
  names: MessagingNames,
  deliveryLimit = DEFAULT_DELIVERY_LIMIT,
): Record<string, unknown> {
  return {
    'x-queue-type': 'quorum',
    'x-dead-letter-exchange': names.deadLetterExchange,
    'x-delivery-limit': deliveryLimit,
  };
}

/** Arguments of the dead-letter quorum queue. */
export const DEAD_LETTER_QUEUE_ARGUMENTS: Readonly<Record<string, unknown>> = {
  'x-queue-type': 'quorum',
};

/**
 * Declares, idempotently, the whole prediction topology: the dead-letter fanout exchange
 * and its durable quorum queue, then the direct requests exchange bound to the durable
 * quorum requests queue (dead-lettering to the former, with a delivery limit).
 *
 * Both apps call it from their channel `setup`, so whichever starts first creates it.
 */
export async function assertPredictionTopology(
  channel: TopologyChannel,
  names: MessagingNames,
  options: PredictionTopologyOptions = {},
): Promise<void> {
  await channel.assertExchange(names.deadLetterExchange, 'fanout', { durable: true });
  await channel.assertQueue(names.deadLetterQueue, {
    durable: true,
    arguments: { ...DEAD_LETTER_QUEUE_ARGUMENTS },
  });
  await channel.bindQueue(names.deadLetterQueue, names.deadLetterExchange, '');
  await channel.assertExchange(names.requestsExchange, 'direct', { durable: true });
  await channel.assertQueue(names.requestsQueue, {
    durable: true,
    arguments: requestsQueueArguments(names, options.deliveryLimit),
  });
  await channel.bindQueue(names.requestsQueue, names.requestsExchange, names.routingKey);
}
