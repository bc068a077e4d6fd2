import { assertModelEventsExchange } from '@sibyl/amqp';
import { encodeModelPromotedV1, MessagingV1, type MessagingNames } from '@sibyl/contracts';
import type { LiveModelChange } from '@sibyl/registry';
import type { ConfirmChannel } from 'amqplib';

/** Publishes `model.promoted.v1` for a registry change (persistent, confirmed), as the models CLI does. */
export async function announceModelChange(
  channel: ConfirmChannel,
  names: MessagingNames,
  change: LiveModelChange,
): Promise<void> {
  await assertModelEventsExchange(channel, names);
  channel.publish(
    names.modelEventsExchange,
    '',
    encodeModelPromotedV1({
      version: change.record._id,
      sha256: change.record.sha256,
      previousVersion: change.previousVersion,
      action: change.action,
      at: change.at.toISOString(),
    }),
    { persistent: true, type: MessagingV1.ModelPromoted, contentType: 'application/json' },
  );
  await channel.waitForConfirms();
}
