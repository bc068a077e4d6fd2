import { parseArgs } from 'node:util';
import { runAmqpCeiling } from './amqp-ceiling';
import { runCeilingConsumer } from './ceiling-consumer';
import { RoleMessage } from './ceiling-protocol';
import { runCeilingPublisher } from './ceiling-publisher';

/**
 * Raw RabbitMQ ceiling (no HTTP, database or model):
 *   npx tsx tools/bench/src/amqp-ceiling/main.ts [--duration 20] [--window 1000] [--prefetch 256] [--body-bytes 250]
 * Prints the result as JSON on stdout. `--role publisher|consumer` is used internally
 * for the forked child processes.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      settings: { type: 'string' },
      duration: { type: 'string', default: '20' },
      window: { type: 'string', default: '1000' },
      prefetch: { type: 'string', default: '256' },
      'body-bytes': { type: 'string', default: '250' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.role) {
    const send = (m: RoleMessage): void => void process.send?.(m);
    const settings = JSON.parse(values.settings ?? '{}');
    try {
      if (values.role === 'publisher') await runCeilingPublisher(settings, send);
      else await runCeilingConsumer(settings, send);
      process.disconnect?.();
    } catch (error) {
      send({ kind: 'error', message: (error as Error).message });
      process.exitCode = 1;
      process.disconnect?.();
    }
    return;
  }
  if (values.help) {
    process.stdout.write(
      'Usage: npx tsx tools/bench/src/amqp-ceiling/main.ts [--duration S] [--window N] [--prefetch N] [--body-bytes N]\n',
    );
    return;
  }
  const result = await runAmqpCeiling({
    rabbitUrl: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    durationMs: Number(values.duration) * 1000,
    window: Number(values.window),
    prefetch: Number(values.prefetch),
    bodyBytes: Number(values['body-bytes']),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main().catch((error: Error) => {
  process.stderr.write(`amqp ceiling failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
