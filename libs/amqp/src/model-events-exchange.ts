import {
  encodeModelPromotedV1,
  MessagingV1,
  type MessagingNames,
  type ModelPromotedV1,
} from '@sibyl/contracts';
import type { Options } from 'amqplib';
import type { TopologyChannel } from './prediction-topology';

/**
 * Declares, idempotently, the durable fanout exchange `model.promoted.v1` is published on
 * (`names.modelEventsExchange`). Publishers (models CLI, gateway) and predictors both call it, so
 * whichever starts first creates it; each predictor binds its own queue to it.
 */
export async function assertModelEventsExchange(
  channel: Pick<TopologyChannel, 'assertExchange'>,
  names: Pick<MessagingNames, 'modelEventsExchange'>,
): Promise<void> {
  await channel.assertExchange(names.modelEventsExchange, 'fanout', { durable: true });
}

/** The confirm-channel operations {@link publishModelPromoted} needs (an amqplib `ConfirmChannel`). */
export interface ModelEventsChannel extends Pick<TopologyChannel, 'assertExchange'> {
  publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options?: Options.Publish,
  ): boolean;
  waitForConfirms(): Promise<void>;
}

/**
 * Publishes `model.promoted.v1` (persistent) on the model events exchange, declaring it first, and
 * resolves once the broker confirmed it; rejects on a nack or a closed channel. Call it only after
 * the registry says the version is live.
 */
export async function publishModelPromoted(
  channel: ModelEventsChannel,
  names: Pick<MessagingNames, 'modelEventsExchange'>,
  message: Omit<ModelPromotedV1, 'type'>,
): Promise<void> {
  await assertModelEventsExchange(channel, names);
  channel.publish(
    names.modelEventsExchange,
    '',
    encodeModelPromotedV1(message),
    modelPromotedProperties(message),
  );
  await channel.waitForConfirms();
}

/** AMQP properties of a `model.promoted.v1` message: persistent JSON, typed, with an id. */
export function modelPromotedProperties(message: Omit<ModelPromotedV1, 'type'>): Options.Publish {
  return {
    persistent: true,
    contentType: 'application/json',
    type: MessagingV1.ModelPromoted,
    messageId: `${message.version}:${message.at}`,
    timestamp: Math.floor(Date.parse(message.at) / 1000),
  };
}
