import { publishModelPromoted } from '@sibyl/amqp';
import { messagingNames } from '@sibyl/contracts';
import { modelPromotedEvent, type LiveModelChange } from '@sibyl/registry';
import { connect } from 'amqplib';

/** How long the CLI waits for the broker before reporting the event as not published. */
const BROKER_TIMEOUT_MS = 5000;

/**
 * An `announce` that connects to RabbitMQ, publishes `model.promoted.v1` on the namespaced
 * model events exchange, waits for the confirm and disconnects.
 */
export function brokerAnnouncer(
  url: string,
  namespace: string,
): (change: LiveModelChange) => Promise<void> {
  return async (change) => {
    const connection = await connect(url, { timeout: BROKER_TIMEOUT_MS });
    try {
      const channel = await connection.createConfirmChannel();
      await publishModelPromoted(
        channel,
        messagingNames(namespace || undefined),
        modelPromotedEvent(change),
      );
      await channel.close();
    } finally {
      await connection.close().catch(() => undefined);
    }
  };
}
