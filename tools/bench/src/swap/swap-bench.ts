import { publishModelPromoted } from '@sibyl/amqp';
import { createTestApiKey } from '@sibyl/auth/testing';
import { messagingNames } from '@sibyl/contracts';
import {
  cleanUpRun,
  loadLabelledTexts,
  LoadDriver,
  rssOf,
  startSibylStack,
  type SibylStack,
} from '@sibyl/loadtest';
import { LanguageIdentifier } from '@sibyl/model';
import { ModelRegistry, modelPromotedEvent, type ModelMetrics } from '@sibyl/registry';
import { ensureMongo, ensureRabbit, uniqueMongoUri, uniqueNamespace } from '@sibyl/testing';
import { connect } from 'amqplib';
import mongoose from 'mongoose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineInfo, type MachineInfo } from '../pipeline/machine-info';
import { waitAllServing } from './predictor-probe';
import {
  quietWindowBefore,
  swapWindow,
  windowStats,
  type ResultRow,
  type SwapEvent,
  type WindowStats,
} from './swap-stats';

/** Options of {@link runSwapBench}. */
export interface SwapBenchOptions {
  root: string;
  command: string;
  /** Requests per second of the open-model load. */
  rate: number;
  predictors: number;
  /** Promote-then-rollback cycles. */
  cycles: number;
  warmupSeconds: number;
  /** Steady-state window measured before the first swap. */
  steadySeconds: number;
  /** Pause after each swap before the next. */
  gapSeconds: number;
  /** The model live at the start. */
  modelPath: string;
  /** The model promoted; default: the live model re-encoded with other stored metrics (same size, other bytes). */
  candidatePath?: string;
  /** The built apps to run, relative to `root` (default `dist/apps`). */
  distDir?: string;
  rabbitUrl: string;
  mongoUri: string;
  log: (line: string) => void;
}

/** Everything one swap bench run measured. */
export interface SwapBenchResult {
  startedAt: string;
  finishedAt: string;
  command: string;
  distDir: string;
  machine: MachineInfo;
  rate: number;
  predictors: number;
  models: { live: string; candidate: string; bytes: number };
  accepted: number;
  httpErrors: Record<string, number>;
  clientDropped: number;
  done: number;
  failed: number;
  lost: number;
  steady: WindowStats;
  swaps: (SwapEvent & { window: WindowStats; before: WindowStats })[];
  rssMiB: { name: string; before: number | null; after: number | null }[];
}

/** Resident set size in MiB, null when unreadable. */
const rssMiB = (pid: number): number | null => {
  const bytes = rssOf(pid);
  return bytes === null ? null : Math.round(bytes / 1048576);
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Longest wait for every predictor to report a new version. */
const SWITCH_TIMEOUT_MS = 30_000;
/** Longest wait for every accepted request's result after the load. */
const COMPLETION_TIMEOUT_MS = 120_000;

function registryMetrics(model: LanguageIdentifier): ModelMetrics {
  const heldOut = model.info.metrics.heldOut;
  return {
    heldOutAccuracy: heldOut?.accuracy ?? 0,
    macroF1: heldOut?.macroF1 ?? 0,
    perLanguageF1: {},
  };
}

/** The candidate's bytes: the given file, or the live model with other stored metrics. */
function candidateBytes(liveBytes: Buffer, path?: string): Buffer {
  if (path) return readFileSync(path);
  const live = LanguageIdentifier.fromBuffer(liveBytes);
  return live
    .withMetrics({ ...live.info.metrics, swapBench: { n: 0, accuracy: 0, macroF1: 0 } })
    .toBuffer();
}

/**
 * Runs the pipeline (1 gateway + N predictors on the registry's live model) under an open-model load, promotes
 * a candidate and rolls it back `cycles` times, then reads every result back: failed and lost requests,
 * submit→done latency during each swap against the steady state before the first one, and how long until every
 * predictor reported the new version.
 */
export async function runSwapBench(options: SwapBenchOptions): Promise<SwapBenchResult> {
  const { log } = options;
  const startedAt = new Date().toISOString();
  await ensureRabbit(options.rabbitUrl, { log });
  await ensureMongo(options.mongoUri, { log });
  const machine = await machineInfo(options.rabbitUrl, options.mongoUri);
  const namespace = uniqueNamespace('bench-swap');
  const names = messagingNames(namespace);
  const mongoUri = uniqueMongoUri(options.mongoUri);
  const db = await mongoose.createConnection(mongoUri).asPromise();
  const amqp = await connect(options.rabbitUrl);
  let stack: SibylStack | undefined;
  try {
    const registry = new ModelRegistry(db.getClient().db(db.name));
    const liveBytes = readFileSync(join(options.root, options.modelPath));
    const meta = (bytes: Buffer, note: string) => ({
      provenance: { corpusHash: 'bench', options: {}, commit: 'bench' },
      metrics: registryMetrics(LanguageIdentifier.fromBuffer(bytes)),
      actor: 'bench',
      note,
    });
    const a = (await registry.add(liveBytes, meta(liveBytes, 'swap bench: live'))).version;
    const bBytes = candidateBytes(liveBytes, options.candidatePath);
    const b = (await registry.add(bBytes, meta(bBytes, 'swap bench: candidate'))).version;
    await registry.promote(a, { actor: 'bench', force: true, reason: 'swap bench start' });
    log(`registry: live ${a}, candidate ${b} (${(bBytes.length / 1048576).toFixed(1)} MiB)`);

    const apiKey = (await createTestApiKey(mongoUri, { name: 'bench-swap', rateLimit: 1_000_000 }))
      .key;
    stack = await startSibylStack({
      root: options.root,
      distDir: options.distDir ?? 'dist/apps',
      predictors: options.predictors,
      gatewayPort: 0,
      predictorPort: 0,
      namespace,
      mongoUri,
      rabbitUrl: options.rabbitUrl,
      modelPath: options.modelPath,
      logLevel: 'log',
      runDir: join(options.root, 'tmp/bench/swap', namespace),
      cpuProfile: false,
      log,
    });
    const predictors = stack.processes.filter((p) => p.name !== 'gateway');
    const rssBefore = predictors.map((p) => rssMiB(p.pid));
    const channel = await amqp.createConfirmChannel();
    const driver = new LoadDriver(
      [stack.gatewayUrl],
      loadLabelledTexts().texts,
      options.rate,
      apiKey,
    );
    driver.start();
    log(`load: ${options.rate} requests/s; warm-up ${options.warmupSeconds} s`);
    await sleep(options.warmupSeconds * 1000);
    const steadyFrom = Date.now();
    log(`steady state ${options.steadySeconds} s`);
    await sleep(options.steadySeconds * 1000);
    const steadyTo = Date.now();
    const swaps: SwapEvent[] = [];
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      for (const action of ['promote', 'rollback'] as const) {
        const change =
          action === 'promote'
            ? await registry.promote(b, { actor: 'bench', force: true, reason: 'swap bench' })
            : await registry.rollback({ actor: 'bench', reason: 'swap bench' });
        const at = Date.now();
        await publishModelPromoted(channel, names, modelPromotedEvent(change));
        const version = change.record._id;
        const switched = await waitAllServing(stack.predictorUrls, version, at, SWITCH_TIMEOUT_MS);
        const perPredictorSeconds = switched.map((s) => s?.swappedSeconds ?? null);
        const all = perPredictorSeconds.includes(null)
          ? null
          : Math.max(...(perPredictorSeconds as number[]));
        const polled = switched.map((s) => s?.observedSeconds ?? null);
        swaps.push({
          action,
          version,
          at,
          allSwitchedSeconds: all,
          perPredictorSeconds,
          allObservedSeconds: polled.includes(null) ? null : Math.max(...(polled as number[])),
        });
        log(
          `cycle ${cycle}/${options.cycles}: ${action} → ${version}: every predictor on it after ` +
            `${all === null ? 'NEVER' : `${all.toFixed(2)} s`}; ${driver.log.ids.length} accepted so far`,
        );
        await sleep(options.gapSeconds * 1000);
      }
    }
    await driver.stop();
    driver.close();
    const ids = driver.log.ids;
    log(`load stopped: ${ids.length} accepted; waiting for every result…`);
    const rows = await readResults(db, ids.length, log);
    const byId = new Set(rows.map((row) => row.id));
    const lost = ids.filter((id) => !byId.has(id)).length;
    const rssAfter = predictors.map((p) => rssMiB(p.pid));
    return {
      startedAt,
      finishedAt: new Date().toISOString(),
      command: options.command,
      distDir: options.distDir ?? 'dist/apps',
      machine,
      rate: options.rate,
      predictors: options.predictors,
      models: { live: a, candidate: b, bytes: bBytes.length },
      accepted: ids.length,
      httpErrors: driver.errors(),
      clientDropped: driver.log.clientDropped,
      done: rows.filter((row) => row.status === 'done').length,
      failed: rows.filter((row) => row.status !== 'done').length,
      lost,
      steady: windowStats('steady state', rows, steadyFrom, steadyTo),
      swaps: swaps.map((swap, i) => ({
        ...swap,
        window: swapWindow(rows, swap, SWITCH_TIMEOUT_MS),
        before: quietWindowBefore(rows, swaps, i, steadyFrom, SWITCH_TIMEOUT_MS),
      })),
      rssMiB: predictors.map((p, i) => ({
        name: p.name,
        before: rssBefore[i],
        after: rssAfter[i],
      })),
    };
  } finally {
    await stack?.stop();
    await amqp.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    for (const note of await cleanUpRun(options.rabbitUrl, namespace, mongoUri)) log(note);
  }
}

/** Waits until `expected` results are stored (or the timeout), then reads them all. */
async function readResults(
  db: mongoose.Connection,
  expected: number,
  log: (line: string) => void,
): Promise<(ResultRow & { id: string })[]> {
  const results = db.collection('prediction_results');
  const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
  for (;;) {
    const count = await results.countDocuments();
    if (count >= expected || Date.now() > deadline) break;
    log(`  ${count}/${expected} results stored`);
    await sleep(2000);
  }
  const docs = await results
    .find({}, { projection: { submittedAt: 1, completedAt: 1, status: 1, modelVersion: 1 } })
    .toArray();
  return docs.map((doc) => ({
    id: String(doc._id),
    submittedAt: new Date(doc.submittedAt).getTime(),
    completedAt: new Date(doc.completedAt).getTime(),
    status: String(doc.status),
    modelVersion: String(doc.modelVersion),
  }));
}
