import { assertPredictionTopology } from '@sibyl/amqp';
import { deletePredictionTopology } from '@sibyl/amqp/testing';
import {
  encodePredictionRequestedV1,
  messagingNames,
  type PredictionRequestedV1,
} from '@sibyl/contracts';
import { AppProcess, summarize, type PrivateFerretDb } from '@sibyl/loadtest';
import { freePort, uniqueNamespace, waitFor } from '@sibyl/testing';
import { connect } from 'amqplib';
import { Collection, MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One predictor configuration under test. */
export interface PredictorVariant {
  name: string;
  env: Record<string, string>;
}

/** What one run of one variant measured. */
export interface PredictorRunResult {
  variant: string;
  /** Results per second while a pre-filled backlog was worked off (first to last completedAt). */
  backlogPerSecond: number;
  /** Predictor CPU (user + system) per result while working off the backlog, ms. */
  cpuMsPerResult: number;
  /** Publish → stored latency at the fixed rate, ms. */
  latencyMs: { p50: number; p99: number; max: number };
  /** Messages per micro-batch at the fixed rate (results / batches). */
  meanBatchAtRate: number;
}

/** Settings of {@link runPredictorVariant}. */
export interface PredictorRunOptions {
  root: string;
  rabbitUrl: string;
  db: PrivateFerretDb;
  backlog: number;
  rate: number;
  seconds: number;
  texts: readonly string[];
  log: (line: string) => void;
}

/** The fields of a stored result this bench reads. */
interface StoredResult {
  _id: string;
  submittedAt: Date;
  completedAt: Date;
}

/** USER_HZ of /proc/<pid>/stat times. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) the process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/**
 * One predictor, alone on its own namespace and database: (1) once it is ready, `backlog` messages are
 * published as fast as the broker confirms them and it works them off (throughput from the first to the
 * last stored result, CPU per result); (2) messages are
 * published at `rate`/s for `seconds` and each result's completedAt − submittedAt is its latency.
 */
export async function runPredictorVariant(
  variant: PredictorVariant,
  options: PredictorRunOptions,
): Promise<PredictorRunResult> {
  const { log, texts } = options;
  const namespace = uniqueNamespace('bench-pred');
  const names = messagingNames(namespace);
  const mongoUri = options.db.uri.replace(/\/[^/]*$/, `/bench_${Date.now().toString(36)}`);
  const amqp = await connect(options.rabbitUrl);
  const channel = await amqp.createConfirmChannel();
  const mongo = await MongoClient.connect(mongoUri);
  const results = mongo
    .db()
    .collection<{ _id: string; submittedAt: Date; completedAt: Date }>('prediction_results');
  let predictor: AppProcess | undefined;
  let n = 0;
  const publish = (): string => {
    const message: PredictionRequestedV1 = {
      v: 1,
      trackingId: randomUUID(),
      text: texts[n++ % texts.length],
      submittedAt: new Date().toISOString(),
      attempt: 1,
    };
    channel.publish(
      names.requestsExchange,
      names.routingKey,
      encodePredictionRequestedV1(message),
      {
        persistent: true,
        messageId: message.trackingId,
        type: names.routingKey,
      },
    );
    return message.trackingId;
  };
  try {
    await assertPredictionTopology(channel, names, { deliveryLimit: 5 });
    const port = await freePort();
    predictor = AppProcess.start({
      name: variant.name,
      entry: join(options.root, 'dist/apps/predictor/main.js'),
      cwd: options.root,
      logFile: join(options.root, `tmp/bench/predictor-${variant.name}.log`),
      env: {
        ...process.env,
        RABBITMQ_URL: options.rabbitUrl,
        MONGODB_URI: mongoUri,
        AMQP_NAMESPACE: namespace,
        PREDICTOR_HOST: '127.0.0.1',
        PREDICTOR_PORT: String(port),
        AUTH: 'off',
        LOG_LEVEL: 'warn',
        ...variant.env,
      },
    });
    const url = `http://127.0.0.1:${port}`;
    await predictor.waitReady(`${url}/health/ready`, 60_000);
    // CPU from here on: the work, not the start-up (model load)
    const cpuAtStart = cpuSeconds(predictor.pid);
    for (let i = 0; i < options.backlog; i++) {
      publish();
      if (i % 1000 === 999) await channel.waitForConfirms();
    }
    await channel.waitForConfirms();
    await waitFor(
      async () => (await metric(url, 'sibyl_results_written_total')) >= options.backlog,
      {
        timeoutMs: 180_000,
        intervalMs: 200,
        description: `${variant.name}: the backlog of ${options.backlog} to be written`,
      },
    );
    const cpu = cpuSeconds(predictor.pid) - cpuAtStart;
    const span = await completionSpan(results);
    log(`  ${variant.name}: backlog of ${options.backlog} in ${(span / 1000).toFixed(1)} s`);

    const batchesBefore = await metric(url, 'sibyl_batch_size_count');
    const ids: string[] = [];
    const started = Date.now();
    const timer = setInterval(() => {
      const due = Math.floor(((Date.now() - started) / 1000) * options.rate);
      while (ids.length < due && ids.length < options.rate * options.seconds) ids.push(publish());
    }, 2);
    await waitFor(async () => ids.length >= options.rate * options.seconds, {
      timeoutMs: options.seconds * 1000 + 60_000,
      intervalMs: 100,
    });
    clearInterval(timer);
    await channel.waitForConfirms();
    const expected = options.backlog + ids.length;
    await waitFor(async () => (await metric(url, 'sibyl_results_written_total')) >= expected, {
      timeoutMs: 120_000,
      intervalMs: 200,
      description: `${variant.name}: the fixed-rate messages to be written`,
    });
    const batches = (await metric(url, 'sibyl_batch_size_count')) - batchesBefore;
    const latency = summarize(
      (await results.find({ _id: { $in: ids } }).toArray()).map(
        (doc) => doc.completedAt.getTime() - doc.submittedAt.getTime(),
      ),
    );
    return {
      variant: variant.name,
      backlogPerSecond: ((options.backlog - 1) / span) * 1000,
      cpuMsPerResult: (cpu * 1000) / options.backlog,
      latencyMs: { p50: latency.p50 ?? NaN, p99: latency.p99 ?? NaN, max: latency.max ?? NaN },
      meanBatchAtRate: ids.length / Math.max(1, batches),
    };
  } finally {
    await predictor?.stop();
    await amqp.close().catch(() => undefined);
    await deletePredictionTopology(options.rabbitUrl, names).catch(() => undefined);
    await mongo
      .db()
      .dropDatabase()
      .catch(() => undefined);
    await mongo.close();
  }
}

/** Milliseconds from the first to the last stored result. */
async function completionSpan(results: Collection<StoredResult>): Promise<number> {
  const first = await results.find().sort({ completedAt: 1 }).limit(1).next();
  const last = await results.find().sort({ completedAt: -1 }).limit(1).next();
  return Math.max(
    1,
    (last?.completedAt as Date).getTime() - (first?.completedAt as Date).getTime(),
  );
}
