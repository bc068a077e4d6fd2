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
}

/** A {@link ShadowQueueControl} on RabbitMQ at `url`, under `namespace` ('' = production names). */
export function brokerShadowQueue(url: string, namespace: string): ShadowQueueControl {
  const names = messagingNames(namespace || undefined);
  const withChannel = async (work: (channel: Channel) => Promise<unknown>): Promise<void> => {
    const connection = await connect(url, { timeout: BROKER_TIMEOUT_MS });
    try {
      const channel = await connection.createChannel();
      await work(channel);
      await channel.close();
    } finally {
      await connection.close().catch(() => undefined);
    }
  };
  return {
    declare: (maxLength) => withChannel((channel) => assertShadowQueue(channel, names, maxLength)),
    remove: () => withChannel((channel) => channel.deleteQueue(names.shadowQueue)),
  };
}
