import { assertShadowQueue } from '@sibyl/amqp';
import { messagingNames } from '@sibyl/contracts';
import { connect, type Channel } from 'amqplib';

/** How long the CLI waits for the broker before giving up on a shadow queue operation. */
const BROKER_TIMEOUT_MS = 5000;

/** The broker side of a shadow run: the mirror queue of the requests. */
export interface ShadowQueueControl {
  /** Declares the length-limited shadow queue and binds it to the requests' routing key. */
  declare(maxLength: number): Promise<void>;
  /** Deletes it (and so its binding and any copies left in it). */
  remove(): Promise<void>;
  /**
   * Deletes the queue only if it exists (passive check first: nothing is declared when it does not)
   * and returns how many copies it held, or null when there was no queue.
   */
  removeIfPresent(): Promise<{ messages: number } | null>;
}

/** AMQP reply code of a passive `checkQueue` on a queue that does not exist. */
const NOT_FOUND = 404;

/** A {@link ShadowQueueControl} on RabbitMQ at `url`, under `namespace` ('' = production names). */
export function brokerShadowQueue(url: string, namespace: string): ShadowQueueControl {
  const names = messagingNames(namespace || undefined);
  const withChannel = async <T>(work: (channel: Channel) => Promise<T>): Promise<T> => {
    const connection = await connect(url, { timeout: BROKER_TIMEOUT_MS });
    try {
      const channel = await connection.createChannel();
      // a refused passive check closes the channel with an error event: handled by `work`'s promise
      channel.on('error', () => undefined);
      const result = await work(channel);
      await channel.close().catch(() => undefined);
      return result;
    } finally {
      await connection.close().catch(() => undefined);
    }
  };
  return {
    declare: (maxLength) => withChannel((channel) => assertShadowQueue(channel, names, maxLength)),
    remove: async () => {
      await withChannel((channel) => channel.deleteQueue(names.shadowQueue));
    },
    removeIfPresent: () =>
      withChannel(async (channel) => {
        try {
          await channel.checkQueue(names.shadowQueue);
        } catch (error) {
          if ((error as { code?: unknown }).code === NOT_FOUND) return null;
          throw error;
        }
        const { messageCount } = await channel.deleteQueue(names.shadowQueue);
        return { messages: messageCount };
      }),
  };
}
