import { assertPredictionTopology } from '@sibyl/amqp';
import { deletePredictionTopology } from '@sibyl/amqp/testing';
import { messagingNames } from '@sibyl/contracts';
import { pidListeningOn } from '@sibyl/testing';
import { connect } from 'amqplib';
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { RoleMessage, sustainedRate } from './ceiling-protocol';
import { CpuWindow } from './process-cpu';

/** Options of {@link runAmqpCeiling}. */
export interface CeilingOptions {
  rabbitUrl: string;
  durationMs: number;
  /** Unconfirmed publishes in flight. */
  window: number;
  prefetch: number;
  bodyBytes: number;
  log: (line: string) => void;
}

/** What the raw broker did. */
export interface CeilingResult {
  queueType: 'quorum';
  settings: Omit<CeilingOptions, 'log' | 'rabbitUrl'>;
  published: number;
  consumed: number;
  /** Median confirmed publishes per second (inner seconds). */
  publishedPerSecond: number | null;
  /** Median consumed (acked) messages per second (inner seconds): the ceiling. */
  consumedPerSecond: number | null;
  consumedTimeline: number[];
  /** Publish → consume latency (ms) from sampled messages. */
  latencyMs: { p50: number | null; p99: number | null; max: number | null };
  /** Average CPU % of one core during the publish phase. */
  cpuPercent: Record<string, number | null>;
}

interface Role {
  child: ChildProcess;
  ticks: { at: number; count: number }[];
  done: Promise<{ count: number; latencyMs?: number[] }>;
  ready: Promise<void>;
  errors: string[];
}

function startRole(role: 'publisher' | 'consumer', settings: object): Role {
  const child = fork(
    join(__dirname, 'main.ts'),
    ['--role', role, '--settings', JSON.stringify(settings)],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const ticks: { at: number; count: number }[] = [];
  const errors: string[] = [];
  let onReady: () => void = () => undefined;
  let onDone: (v: { count: number; latencyMs?: number[] }) => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const done = new Promise<{ count: number; latencyMs?: number[] }>((resolve, reject) => {
    onDone = resolve;
    child.once('exit', (code) =>
      code ? reject(new Error(`${role} exited with ${code}: ${errors.join('; ')}`)) : undefined,
    );
  });
  child.on('message', (m: RoleMessage) => {
    if (m.kind === 'ready') onReady();
    else if (m.kind === 'tick') ticks.push({ at: m.at, count: m.count });
    else if (m.kind === 'error') errors.push(m.message);
    else if (m.kind === 'done') onDone({ count: m.count, latencyMs: m.latencyMs });
  });
  return { child, ticks, done, ready, errors };
}

/** Cumulative per-second ticks → per-second deltas. */
function perSecond(ticks: { count: number }[]): number[] {
  return ticks.map((t, i) => t.count - (i === 0 ? 0 : ticks[i - 1].count));
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * The raw-broker ceiling: one process publishing persistent messages with confirms
 * to a quorum queue declared exactly like Sibyl's (same topology function), one
 * process consuming it with manual acks. No HTTP, no database, no model. Uses a
 * unique namespace and deletes it afterwards.
 */
export async function runAmqpCeiling(options: CeilingOptions): Promise<CeilingResult> {
  const namespace = `bench-ceiling-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const names = messagingNames(namespace);
  const connection = await connect(options.rabbitUrl);
  const channel = await connection.createChannel();
  await assertPredictionTopology(channel, names);
  const base = {
    rabbitUrl: options.rabbitUrl,
    exchange: names.requestsExchange,
    routingKey: names.routingKey,
    queue: names.requestsQueue,
  };
  const rabbitPid = pidListeningOn(Number(new URL(options.rabbitUrl).port || 5672));
  try {
    const consumer = startRole('consumer', { ...base, prefetch: options.prefetch });
    await consumer.ready;
    const publisher = startRole('publisher', {
      ...base,
      durationMs: options.durationMs,
      window: options.window,
      bodyBytes: options.bodyBytes,
    });
    await publisher.ready;
    const publishStart = Date.now();
    const cpu = new CpuWindow([
      { name: 'rabbitmq', pid: rabbitPid },
      { name: 'publisher', pid: publisher.child.pid ?? null },
      { name: 'consumer', pid: consumer.child.pid ?? null },
    ]);
    cpu.start();
    const progress = setInterval(() => {
      const p = publisher.ticks.at(-1)?.count ?? 0;
      const c = consumer.ticks.at(-1)?.count ?? 0;
      options.log(`ceiling: published ${p}, consumed ${c}, backlog ${p - c}`);
    }, 5000);
    const published = await publisher.done;
    const cpuPercent = cpu.stop();
    // let the consumer drain what was confirmed (bounded)
    const drainDeadline = Date.now() + 60_000;
    while ((consumer.ticks.at(-1)?.count ?? 0) < published.count && Date.now() < drainDeadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    clearInterval(progress);
    consumer.child.send('stop');
    const consumed = await consumer.done;
    const latencies = (consumed.latencyMs ?? []).sort((a, b) => a - b);
    // only the seconds while the publisher ran count towards the consume rate
    const publishEnd = publisher.ticks.at(-1)?.at ?? Date.now();
    const consumedTimeline = perSecond(consumer.ticks).filter(
      (_, i) => consumer.ticks[i].at > publishStart && consumer.ticks[i].at <= publishEnd,
    );
    return {
      queueType: 'quorum',
      settings: {
        durationMs: options.durationMs,
        window: options.window,
        prefetch: options.prefetch,
        bodyBytes: options.bodyBytes,
      },
      published: published.count,
      consumed: consumed.count,
      publishedPerSecond: sustainedRate(perSecond(publisher.ticks)),
      consumedPerSecond: sustainedRate(consumedTimeline),
      consumedTimeline,
      latencyMs: {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: latencies.at(-1) ?? null,
      },
      cpuPercent,
    };
  } finally {
    await connection.close().catch(() => undefined);
    // Everything the topology declared: the models and completed exchanges were left behind before.
    const left = await deletePredictionTopology(options.rabbitUrl, names).catch((error: Error) => [
      error.message,
    ]);
    if (left.length > 0)
      process.stderr.write(`ceiling: left on the broker: ${left.join('; ')}
`);
  }
}
