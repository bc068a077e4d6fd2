import type { MessagingNames } from '@sibyl/contracts';
import { Channel, connect } from 'amqplib';

/**
 * Deletes a (namespaced) prediction topology — queues and exchanges, the model events exchange
 * and the shadow queue included — so tests leave the shared broker clean. Missing entities are ignored.
 */
export async function deletePredictionTopology(url: string, names: MessagingNames): Promise<void> {
  const removals: Array<(channel: Channel) => Promise<unknown>> = [
    (channel) => channel.deleteQueue(names.requestsQueue),
    (channel) => channel.deleteQueue(names.deadLetterQueue),
    (channel) => channel.deleteQueue(names.shadowQueue),
    (channel) => channel.deleteExchange(names.requestsExchange),
    (channel) => channel.deleteExchange(names.deadLetterExchange),
    (channel) => channel.deleteExchange(names.modelEventsExchange),
    (channel) => channel.deleteExchange(names.completedExchange),
  ];
  const connection = await connect(url);
  try {
    for (const remove of removals) {
      // A failed operation closes its channel, so each one gets a fresh channel.
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await remove(channel).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
}
