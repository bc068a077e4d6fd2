import { createTestApiKey } from '@sibyl/auth/testing';
import {
  ensureMongo,
  ensureRabbit,
  pidListeningOn,
  uniqueMongoUri,
  uniqueNamespace,
} from '@sibyl/testing';
import { resolve } from 'node:path';
import { createHttpClient } from '../http/http-client';
import { roundRobinClient } from '../http/round-robin-client';
import { MetricsProbe } from '../monitor/metrics-probe';
import { ProcessCpu, ProcessCpuSampler } from '../monitor/process-cpu-sampler';
import { counterDeltas, sumMetric } from '../monitor/prometheus-text';
import { QueueDepthPoller } from '../monitor/queue-depth-poller';
import { ProgressDisplay } from '../progress/progress-display';
import { LoadReport } from '../report/load-report';
import { formatNumber } from '../report/markdown-report';
import { buildReport } from '../report/report-builder';
import { currentEnvironment } from '../report/run-environment';
import { slugOf, writeReport } from '../report/report-writer';
import { SibylStack, startSibylStack } from '../stack/sibyl-stack';
import { cleanUpRun } from '../stack/stack-cleanup';
import { PrivateFerretDb, startPrivateFerretDb } from '../stack/private-ferretdb';
import { PredictionSubmitter } from '../submit/prediction-submitter';
import { loadLabelledTexts, shuffledOrder } from '../texts/labelled-texts';
import { PredictionVerifier } from '../verify/prediction-verifier';
import { waitForQueueDrain } from '../verify/queue-drain';
import { LoadRunOptions } from './load-run-options';
import { runSubmitPhase } from './submit-phase';

/** Requests per second of a spawned stack's key: never the limit of a load run. */
const LOAD_KEY_RATE_LIMIT = 1_000_000;

/** Result of {@link runLoadTest}: the report and where it was written. */
export interface LoadRunResult {
  report: LoadReport;
  files: { json: string; markdown: string } | null;
}

/**
 * One complete load run: optionally spawn the stack, send the load, verify every
 * accepted id, build the report, write it, and tear the stack down.
 */
export async function runLoadTest(
  options: LoadRunOptions,
  root = process.cwd(),
): Promise<LoadRunResult> {
  const startedAt = new Date();
  const runDir = resolve(
    root,
    options.outDir,
    `${startedAt.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${slugOf(options.label)}`,
  );
  const notes: string[] = [];
  const say = (line: string): void => {
    if (options.progress) process.stderr.write(`${line}\n`);
  };
  const texts = loadLabelledTexts(options.textsPath);
  say(`texts: ${texts.texts.length} labelled from ${texts.source}`);

  let stack: SibylStack | null = null;
  let namespace: string | null = null;
  let mongoUri: string | null = null;
  let privateDb: PrivateFerretDb | null = null;
  let spawnedKey: string | undefined;
  const spawn = options.spawn;
  if (spawn) {
    await ensureRabbit(spawn.rabbitUrl, { log: say });
    if (spawn.privateDb) privateDb = await startPrivateFerretDb(say);
    else await ensureMongo(spawn.mongoUri, { log: say });
    namespace = uniqueNamespace('loadtest');
    mongoUri = spawn.useDatabase
      ? spawn.mongoUri
      : uniqueMongoUri(privateDb?.uri ?? spawn.mongoUri);
    say(
      `spawning ${spawn.gateways ?? 1} gateway(s) + ${spawn.predictors} predictor(s); namespace ${namespace}, database ${new URL(mongoUri).pathname.slice(1)}`,
    );
    try {
      // A key with every scope and no practical rate limit: the load measures the pipeline.
      spawnedKey = (
        await createTestApiKey(mongoUri, { name: namespace, rateLimit: LOAD_KEY_RATE_LIMIT })
      ).key;
      stack = await startSibylStack({
        root,
        distDir: spawn.distDir,
        predictors: spawn.predictors,
        gateways: spawn.gateways,
        gatewayPort: spawn.gatewayPort,
        predictorPort: spawn.predictorPort,
        namespace,
        mongoUri,
        rabbitUrl: spawn.rabbitUrl,
        modelPath: spawn.modelPath,
        batchSize: spawn.batchSize,
        batchWaitMs: spawn.batchWaitMs,
        prefetch: spawn.prefetch,
        httpAdapter: spawn.httpAdapter,
        logLevel: spawn.logLevel,
        runDir,
        cpuProfile: spawn.cpuProfile,
        extraEnv: spawn.extraEnv,
        log: say,
      });
    } catch (error) {
      // Nothing else will stop it: the try/finally below starts after the stack.
      await privateDb?.stop();
      throw error;
    }
  }
  const gatewayUrl = stack?.gatewayUrl ?? options.gatewayUrl;
  const gatewayUrls = stack?.gatewayUrls ?? [gatewayUrl];
  const apiKey = spawnedKey ?? options.apiKey;
  const predictorUrls =
    stack?.predictorUrls ?? options.predictorMetricsUrls.map((u) => u.replace(/\/metrics$/, ''));

  const client = roundRobinClient(
    gatewayUrls.map((baseUrl) =>
      createHttpClient({
        baseUrl,
        maxSockets: options.maxSockets,
        timeoutMs: options.requestTimeoutMs,
        implementation: options.httpClient,
        apiKey,
      }),
    ),
  );
  const monitorClient = createHttpClient({
    baseUrl: gatewayUrl,
    maxSockets: 2,
    timeoutMs: 5000,
    apiKey,
  });
  const metrics = new MetricsProbe(
    [
      ...gatewayUrls.map((url, i) => ({
        name: i === 0 ? 'gateway' : `gateway-${i + 1}`,
        url: `${url}/metrics`,
      })),
      ...predictorUrls.map((url, i) => ({ name: `predictor-${i + 1}`, url: `${url}/metrics` })),
    ],
    apiKey,
  );
  const watched = [
    ...(stack?.processes.map((p) => ({ name: p.name, pid: p.pid })) ?? []),
    { name: 'loadtest', pid: process.pid },
    ...(privateDb ? [{ name: 'mongodb', pid: privateDb.pid }] : []),
    ...options.watchPorts
      .map(({ name, port }) => ({ name, pid: pidListeningOn(port) ?? -1 }))
      .filter((p) => p.pid > 0),
  ];
  const cpu = new ProcessCpuSampler(watched);
  const poller = new QueueDepthPoller(monitorClient, options.queuePollMs);
  const submitter = new PredictionSubmitter(
    client,
    texts.texts,
    shuffledOrder(texts.texts.length, options.seed),
    {
      submitBatch: options.submitBatch,
    },
  );
  let verifier: PredictionVerifier | null = null;
  let draining = false;
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
  };
  process.once('SIGINT', onSignal);
  const display = new ProgressDisplay(() => {
    const log = submitter.log;
    const cpuText = cpu
      .current()
      .map((c) => `${c.name} ${c.percent.toFixed(0)}%`)
      .join(' ');
    if (draining)
      return `waiting for the queue to drain | queue ${formatNumber(poller.currentReady, 0)} | ${cpuText}`;
    if (verifier) {
      return `verify ${formatNumber(verifier.checked, 0)}/${formatNumber(log.ids.length, 0)} | queue ${formatNumber(poller.currentReady, 0)} | ${cpuText}`;
    }
    const errors = [...log.statusCounts.entries()]
      .filter(([k]) => k !== '202')
      .reduce((n, [, v]) => n + v, 0);
    return (
      `sent ${formatNumber(log.requestsSent, 0)} | accepted ${formatNumber(log.ids.length, 0)} | in-flight ${log.inFlight}` +
      ` | http p99 ${formatNumber(log.liveHttpLatency.percentile(99))} ms | errors ${errors} | dropped ${log.clientDropped}` +
      ` | queue ${formatNumber(poller.currentReady, 0)} | ${cpuText}`
    );
  }, options.progress);

  let cpuDuringLoad: ProcessCpu[] = [];
  try {
    const before = await metrics.scrape();
    poller.start();
    cpu.start();
    display.start();
    const submit = await runSubmitPhase(options, submitter, () => interrupted);
    cpuDuringLoad = cpu.stop();
    display.note(
      `submit phase: ${formatNumber(submitter.log.ids.length, 0)} accepted in ${submit.seconds.toFixed(1)} s${options.verify ? '; verifying…' : ''}`,
    );
    const verifyStarted = Date.now();
    let verification = null;
    if (options.verify) {
      const deadline = verifyStarted + options.completionTimeoutMs;
      draining = true;
      const drain = await waitForQueueDrain(monitorClient, deadline);
      draining = false;
      display.note(
        drain.drained
          ? `queue drained ${drain.seconds.toFixed(1)} s after the load; reading ${formatNumber(submitter.log.ids.length, 0)} ids…`
          : `queue not drained after ${drain.seconds.toFixed(1)} s (depth ${formatNumber(drain.lastDepth, 0)}); reading ids anyway…`,
      );
      if (!drain.drained)
        notes.push(
          `queue still held ${drain.lastDepth ?? '?'} messages at the completion deadline`,
        );
      verifier = new PredictionVerifier(client, {
        concurrency: options.verifyConcurrency,
        waitMs: options.waitMs,
        deadline,
        reread: options.reread,
      });
      verification = await verifier.verify(submitter.log, texts.texts);
    } else notes.push('verification skipped (--no-verify): accept path only');
    const verifySeconds = (Date.now() - verifyStarted) / 1000;
    const queue = poller.stop();
    display.stop();
    const after = await metrics.scrape();
    const metricDeltas: Record<string, Record<string, number>> = {};
    let resultsWritten: number | null = null;
    for (const [name, samples] of after) {
      metricDeltas[name] = counterDeltas(before.get(name) ?? new Map(), samples);
      if (name.startsWith('predictor')) {
        const written = sumMetric(samples, options.resultsWrittenMetric);
        if (written !== undefined) {
          resultsWritten =
            (resultsWritten ?? 0) +
            written -
            (sumMetric(before.get(name) ?? new Map(), options.resultsWrittenMetric) ?? 0);
        }
      }
    }
    if (resultsWritten === null && options.verify)
      notes.push(
        `predictor counter ${options.resultsWrittenMetric} not available: extra result writes not checked`,
      );
    if (!spawn && resultsWritten !== null)
      notes.push('results-written counter includes any other traffic on the target predictors');
    if (interrupted) notes.push('interrupted (SIGINT) before the planned end');
    notes.push(...metrics.notes);
    const report = buildReport({
      label: options.label,
      startedAt,
      finishedAt: new Date(),
      environment: currentEnvironment(),
      config: describeConfig(options, gatewayUrl, namespace, mongoUri, runDir),
      texts,
      shape: {
        model: options.rate !== null ? 'open' : 'closed',
        ratePerSecond: options.rate,
        concurrency: options.rate !== null ? null : options.concurrency,
        submitBatch: options.submitBatch,
        requestsPlanned: submit.requestsPlanned,
      },
      submitSeconds: submit.seconds,
      schedulerMaxLagMs: submit.schedulerMaxLagMs,
      log: submitter.log,
      verification,
      verifySeconds,
      queue,
      processes: cpuDuringLoad,
      metrics: metricDeltas,
      resultsWritten,
      notes,
    });
    const files = options.writeFiles ? writeReport(report, resolve(root, options.outDir)) : null;
    return { report, files };
  } finally {
    process.removeListener('SIGINT', onSignal);
    poller.stop();
    display.stop();
    client.close();
    monitorClient.close();
    if (stack) {
      say('stopping the stack…');
      await stack.stop();
      if (stack.profileDir) say(`CPU profiles in ${stack.profileDir}`);
      say(`app logs in ${runDir}`);
      if (namespace && mongoUri && !spawn?.keep) {
        for (const note of await cleanUpRun(
          spawn?.rabbitUrl ?? '',
          namespace,
          mongoUri,
          !privateDb && !spawn?.useDatabase,
        ))
          say(`clean-up: ${note}`);
      }
    }
    await privateDb?.stop();
  }
}

/** The options worth recording in the report (no credentials). */
function describeConfig(
  options: LoadRunOptions,
  gatewayUrl: string,
  namespace: string | null,
  mongoUri: string | null,
  runDir: string,
): Record<string, unknown> {
  const redact = (url: string): string => url.replace(/\/\/[^@/]*@/, '//***@');
  return {
    gatewayUrl,
    spawn: options.spawn
      ? {
          ...options.spawn,
          rabbitUrl: redact(options.spawn.rabbitUrl),
          mongoUri: mongoUri ? redact(mongoUri) : null,
          namespace,
        }
      : null,
    rate: options.rate,
    concurrency: options.concurrency,
    durationMs: options.durationMs,
    count: options.count,
    submitBatch: options.submitBatch,
    waitMs: options.waitMs,
    completionTimeoutMs: options.completionTimeoutMs,
    verifyConcurrency: options.verifyConcurrency,
    reread: options.reread,
    verify: options.verify,
    maxInFlight: options.maxInFlight,
    httpClient: options.httpClient,
    maxSockets: options.maxSockets,
    runDir,
  };
}
