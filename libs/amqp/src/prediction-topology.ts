import type { MessagingNames } from '@sibyl/contracts';
import type { Options } from 'amqplib';
import { DEFAULT_DELIVERY_LIMIT } from './amqp.constants';
import { assertModelEventsExchange } from './model-events-exchange';

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

/** Declaration of the completed fanout exchange (every declarer must use the same). */
export const COMPLETED_EXCHANGE_OPTIONS: Readonly<Options.AssertExchange> = { durable: true };

/** One declaration of the topology, run on its own (a refused declaration closes its channel). */
export interface TopologyStep {
  /** What it declares, for logs and health reports (e.g. `queue sibyl.v1.predictions.requested`). */
  what: string;
  run(channel: TopologyChannel): Promise<unknown>;
}

/**
 * The declarations of the whole prediction topology, in order: the dead-letter fanout exchange and
 * its durable quorum queue, then the direct requests exchange bound to the durable quorum requests
 * queue (dead-lettering to the former, with a delivery limit), the completed fanout exchange
 * (each gateway binds its own server-named queue to it, see {@link CompletionSubscription}), and
 * the fanout exchange of `model.promoted.v1`.
 */
export function predictionTopologySteps(
  names: MessagingNames,
  options: PredictionTopologyOptions = {},
): TopologyStep[] {
  return [
    {
      what: `exchange ${names.deadLetterExchange}`,
      run: (channel) =>
        channel.assertExchange(names.deadLetterExchange, 'fanout', { durable: true }),
    },
    {
      what: `queue ${names.deadLetterQueue}`,
      run: (channel) =>
        channel.assertQueue(names.deadLetterQueue, {
          durable: true,
          arguments: { ...DEAD_LETTER_QUEUE_ARGUMENTS },
        }),
    },
    {
      what: `binding ${names.deadLetterExchange} -> ${names.deadLetterQueue}`,
      run: (channel) => channel.bindQueue(names.deadLetterQueue, names.deadLetterExchange, ''),
    },
    {
      what: `exchange ${names.requestsExchange}`,
      run: (channel) => channel.assertExchange(names.requestsExchange, 'direct', { durable: true }),
    },
    {
      what: `queue ${names.requestsQueue}`,
      run: (channel) =>
        channel.assertQueue(names.requestsQueue, {
          durable: true,
          arguments: requestsQueueArguments(names, options.deliveryLimit),
        }),
    },
    {
      what: `binding ${names.requestsExchange} -> ${names.requestsQueue}`,
      run: (channel) =>
        channel.bindQueue(names.requestsQueue, names.requestsExchange, names.routingKey),
    },
    {
      what: `exchange ${names.completedExchange}`,
      run: (channel) =>
        channel.assertExchange(names.completedExchange, 'fanout', {
          ...COMPLETED_EXCHANGE_OPTIONS,
        }),
    },
    {
      what: `exchange ${names.modelEventsExchange}`,
      run: (channel) => assertModelEventsExchange(channel, names),
    },
  ];
}

/**
 * Declares, idempotently, the whole prediction topology ({@link predictionTopologySteps}) on one
 * channel; the first refused declaration rejects (and closes the channel). The apps declare through
 * the {@link TopologyMonitor} instead, which survives a refusal and reports it.
 */
export async function assertPredictionTopology(
  channel: TopologyChannel,
  names: MessagingNames,
  options: PredictionTopologyOptions = {},
): Promise<void> {
  for (const step of predictionTopologySteps(names, options)) await step.run(channel);
}
