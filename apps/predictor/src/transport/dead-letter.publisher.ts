import { DEAD_LETTER_REASON_HEADER, type MessagingNames } from '@sibyl/contracts';
import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';

/** Longest dead-letter reason kept in the header. */
const MAX_REASON_LENGTH = 1000;

/**
 * Publishes a copy of a delivery (original body, properties and headers) to the dead-letter exchange with
 * `x-sibyl-dead-letter-reason` (and where it came from, the requests queue unless `from` says otherwise), persistent, on the delivery's own confirm channel; resolves on the broker
 * confirm, rejects if the broker refuses it or the channel is gone (then the original must not be acked).
 */
export function publishDeadLetter(
  channel: ConfirmChannel,
  message: ConsumeMessage,
  reason: string,
  names: MessagingNames,
  from = names.requestsQueue,
): Promise<void> {
  const { properties, fields, content } = message;
  const publishOptions: Options.Publish = {
    persistent: true,
    messageId: properties.messageId,
    correlationId: properties.correlationId,
    type: properties.type,
    contentType: properties.contentType,
    contentEncoding: properties.contentEncoding,
    timestamp: properties.timestamp,
    appId: properties.appId,
    headers: {
      ...(properties.headers ?? {}),
      [DEAD_LETTER_REASON_HEADER]: reason.slice(0, MAX_REASON_LENGTH),
      'x-sibyl-dead-lettered-from': from,
      'x-sibyl-dead-lettered-at': new Date().toISOString(),
    },
  };
  return new Promise<void>((resolve, reject) => {
    channel.publish(
      names.deadLetterExchange,
      fields.routingKey,
      content,
      publishOptions,
      (error) =>
        error
          ? reject(error instanceof Error ? error : new Error('dead letter not confirmed'))
          : resolve(),
    );
  });
}
