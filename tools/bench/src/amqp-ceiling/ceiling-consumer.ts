import { connect } from 'amqplib';
import { ConsumerSettings, RoleMessage } from './ceiling-protocol';

/**
 * Consumes the ceiling queue with manual acks (one ack per message, prefetch as
 * configured), measuring publish→ack latency from the AMQP timestamp, until told to
 * stop (SIGTERM or an IPC 'stop').
 */
export async function runCeilingConsumer(
  settings: ConsumerSettings,
  send: (m: RoleMessage) => void,
): Promise<void> {
  const connection = await connect(settings.rabbitUrl);
  const channel = await connection.createChannel();
  await channel.prefetch(settings.prefetch);
  let consumed = 0;
  const latencies: number[] = [];
  await channel.consume(
    settings.queue,
    (msg) => {
      if (!msg) return;
      channel.ack(msg);
      consumed++;
      // sample every 16th message: enough for percentiles, cheap to ship over IPC
      if ((consumed & 15) === 0 && typeof msg.properties.timestamp === 'number')
        latencies.push(Date.now() - msg.properties.timestamp);
    },
    { noAck: false },
  );
  send({ kind: 'ready' });
  const ticker = setInterval(() => send({ kind: 'tick', at: Date.now(), count: consumed }), 1000);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.on('message', (m: unknown) => (m === 'stop' ? resolve() : undefined));
  });
  clearInterval(ticker);
  send({ kind: 'done', count: consumed, latencyMs: latencies });
  await channel.close().catch(() => undefined);
  await connection.close().catch(() => undefined);
}
