import type { MessagingNames } from '@sibyl/contracts';
import { Channel, connect } from 'amqplib';

/**
 * Deletes a (namespaced) prediction topology — queues and exchanges, the model events exchange
 * and the shadow queue included — so tests and tool runs leave the shared broker clean. Missing
 * entities are ignored; a removal the broker refuses does not stop the others and is returned
 * (`queue <name>: <reason>`), so that a run can report what it left. Rejects only when the broker
 * cannot be reached.
 */
export async function deletePredictionTopology(
  url: string,
  names: MessagingNames,
): Promise<string[]> {
  const queues = [names.requestsQueue, names.deadLetterQueue, names.shadowQueue];
  const exchanges = [
    names.requestsExchange,
    names.deadLetterExchange,
    names.modelEventsExchange,
    names.completedExchange,
  ];
  const removals: Array<{ what: string; remove: (channel: Channel) => Promise<unknown> }> = [
    ...queues.map((queue) => ({
      what: `queue ${queue}`,
      remove: (channel: Channel) => channel.deleteQueue(queue),
    })),
    ...exchanges.map((exchange) => ({
      what: `exchange ${exchange}`,
      remove: (channel: Channel) => channel.deleteExchange(exchange),
    })),
  ];
  const failures: string[] = [];
  const connection = await connect(url);
  try {
    for (const { what, remove } of removals) {
      // A failed operation closes its channel, so each one gets a fresh channel.
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await remove(channel).catch((error: Error) => failures.push(`${what}: ${error.message}`));
      await channel.close().catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
  return failures;
}
