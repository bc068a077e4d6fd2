import type { MessagingNames } from '@sibyl/contracts';
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
