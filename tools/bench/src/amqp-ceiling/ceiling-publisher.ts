import { encodePredictionRequestedV1, MessagingV1 } from '@sibyl/contracts';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { PublisherSettings, RoleMessage } from './ceiling-protocol';

const TEXT =
  'Alla människor är födda fria och lika i värde och rättigheter. De är utrustade med förnuft och samvete. ';

/**
 * Publishes persistent prediction-request-shaped messages with publisher confirms as
 * fast as the broker confirms them, keeping `window` unconfirmed publishes in flight,
 * for `durationMs`. Reports confirmed counts once a second.
 */
export async function runCeilingPublisher(
  settings: PublisherSettings,
  send: (m: RoleMessage) => void,
): Promise<void> {
  const connection = await connect(settings.rabbitUrl);
  const channel = await connection.createConfirmChannel();
  const text = TEXT.repeat(
    Math.max(1, Math.ceil(settings.bodyBytes / Buffer.byteLength(TEXT))),
  ).slice(0, settings.bodyBytes);
  let confirmed = 0;
  let failed = 0;
  let outstanding = 0;
  let wake: (() => void) | null = null;
  const onConfirm = (error: unknown): void => {
    outstanding--;
    if (error) failed++;
    else confirmed++;
    if (wake && outstanding <= settings.window / 2) {
      const w = wake;
      wake = null;
      w();
    }
  };
  send({ kind: 'ready' });
  const started = Date.now();
  const ticker = setInterval(() => send({ kind: 'tick', at: Date.now(), count: confirmed }), 1000);
  while (Date.now() - started < settings.durationMs) {
    if (outstanding >= settings.window) {
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    const trackingId = randomUUID();
    const body = encodePredictionRequestedV1({
      trackingId,
      text,
      submittedAt: new Date().toISOString(),
      attempt: 1,
    });
    outstanding++;
    const writable = channel.publish(
      settings.exchange,
      settings.routingKey,
      body,
      {
        persistent: true,
        messageId: trackingId,
        type: MessagingV1.PredictionRequested,
        contentType: 'application/json',
        timestamp: Date.now(),
      },
      onConfirm,
    );
    if (!writable) await new Promise<void>((resolve) => channel.once('drain', () => resolve()));
  }
  await channel.waitForConfirms();
  clearInterval(ticker);
  send({ kind: 'tick', at: Date.now(), count: confirmed });
  if (failed > 0) send({ kind: 'error', message: `${failed} publishes were nacked` });
  send({ kind: 'done', count: confirmed });
  await channel.close();
  await connection.close();
}
