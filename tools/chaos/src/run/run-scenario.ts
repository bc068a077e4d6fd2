import { messagingNames } from '@sibyl/contracts';
import { createTestApiKey } from '@sibyl/auth/testing';
import { cleanUpRun, createHttpClient, LoadDriver, PredictionVerifier } from '@sibyl/loadtest';
import { endpointOf, uniqueMongoUri, uniqueNamespace } from '@sibyl/testing';
import { join, resolve } from 'node:path';
import { FaultProxy } from '../faults/fault-proxy';
import { HealthSampler } from '../monitor/health-sampler';
import { RssSampler } from '../monitor/rss-sampler';
import { Scenario, ScenarioContext } from '../scenarios/scenario';
import { ChaosStack } from '../stack/chaos-stack';
import { describeSamples, judgeAfter, judgeDuring } from './health-verdict';
import { measureRecovery } from './recovery';
import { RECOVERY_TARGET_SECONDS, RunSettings, SharedInfra } from './run-settings';
import { ScenarioResult } from './scenario-result';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const PROGRESS_EVERY_MS = 5_000;

/** `host:port` of `uri` replaced by the proxy's. */
function viaProxy(uri: string, proxy: FaultProxy): string {
  const url = new URL(uri);
  url.host = `127.0.0.1:${proxy.port}`;
  return url.toString().replace(/\/$/, '');
}

/**
 * One scenario: a fresh stack (gateways + predictors on a unique namespace and database, the
 * broker and the predictors' database behind proxies), open-model load, the fault injected
 * after the warm-up and healed, load for the cool-down, then every accepted id verified, the
 * recovery time measured and health judged. Whatever happens the fault is healed and the
 * stack torn down.
 */
export async function runScenario(
  scenario: Scenario,
  settings: RunSettings,
  infra: SharedInfra,
): Promise<ScenarioResult> {
  const started = Date.now();
  const say = (line: string): void => settings.log(`[${scenario.name}] ${line}`);
  const namespace = uniqueNamespace(`chaos-${scenario.name}`);
  const mongoUri = uniqueMongoUri(infra.databaseUri);
  const broker = endpointOf(infra.broker.url, 5672);
  const database = endpointOf(infra.databaseUri, 27017);
  const brokerProxy = new FaultProxy(broker.host, broker.port);
  const predictorDbProxy = new FaultProxy(database.host, database.port);
  await brokerProxy.start();
  await predictorDbProxy.start();
  const stack = new ChaosStack({
    root: settings.root,
    distDir: settings.distDir,
    runDir: join(settings.runDir, scenario.name),
    namespace,
    rabbitUrl: viaProxy(infra.broker.url, brokerProxy),
    gatewayMongoUri: mongoUri,
    predictorMongoUri: viaProxy(mongoUri, predictorDbProxy),
    modelPath: settings.modelPath,
    predictors: settings.predictors,
    gateways: scenario.gateways ?? [{}],
    gatewayPreload: resolve(__dirname, '../../preload/clock-offset.js'),
    readyTimeoutMs: 120_000,
    log: say,
  });
  const health = new HealthSampler(() => stack.apps.map((a) => ({ name: a.name, url: a.url })));
  const rss = new RssSampler(() => [
    ...stack.pids(),
    { name: 'rabbitmq', pid: infra.brokerPid },
    { name: 'database', pid: infra.databasePid },
  ]);
  const ctx: ScenarioContext = {
    stack,
    brokerProxy,
    predictorDbProxy,
    broker: infra.broker,
    databasePid: infra.databasePid,
    names: messagingNames(namespace),
    health,
    faultMs: settings.faultMs,
    log: say,
    sleep,
  };
  let healed = false;
  const heal = async (): Promise<void> => {
    if (healed) return;
    healed = true;
    await scenario.heal(ctx);
  };
  let load: LoadDriver | undefined;
  let progress: NodeJS.Timeout | undefined;
  try {
    // The gateways verify keys in their database: one key with every scope, no practical limit.
    const { key: apiKey } = await createTestApiKey(mongoUri, {
      name: 'chaos',
      rateLimit: 1_000_000,
    });
    say(`starting the stack (namespace ${namespace})…`);
    await stack.start();
    health.start();
    rss.start();
    load = new LoadDriver(stack.gatewayUrls, settings.texts, settings.rate, apiKey);
    const driver = load;
    progress = setInterval(() => say(progressLine(driver)), PROGRESS_EVERY_MS);
    load.start();
    say(`load ${settings.rate}/s; fault in ${settings.warmupMs / 1000} s`);
    await sleep(settings.warmupMs);
    await scenario.prepare?.(ctx);
    const faultStartedAt = Date.now();
    say(`fault: ${scenario.title}`);
    try {
      await scenario.inject(ctx);
    } finally {
      await heal();
    }
    const faultEndedAt = Date.now();
    const backlogIds = load.log.ids.slice();
    say(
      `fault healed after ${((faultEndedAt - faultStartedAt) / 1000).toFixed(1)} s; load goes on`,
    );
    await sleep(settings.cooldownMs);
    await load.stop();
    clearInterval(progress);
    say(`load stopped: ${load.log.ids.length} accepted; verifying every id…`);
    const client = createHttpClient({
      baseUrl: stack.gatewayUrls[0],
      maxSockets: 4,
      timeoutMs: 30_000,
      apiKey,
    });
    try {
      const verifier = new PredictionVerifier(client, {
        concurrency: 2,
        waitMs: 1000,
        deadline: Date.now() + settings.completionTimeoutMs,
        reread: true,
      });
      const summary = await verifier.verify(load.log, settings.texts);
      const recovery = await measureRecovery(client, backlogIds, faultEndedAt);
      const after = await health.round();
      health.stop();
      const checks = (await scenario.check?.(ctx)) ?? { failures: [], notes: [] };
      const during = health.between(faultStartedAt, faultEndedAt);
      const duplicated = load.log.duplicateIds + summary.rewritten;
      const failures = [
        ...(load.log.ids.length === 0 ? ['no request was accepted'] : []),
        ...(summary.lost > 0 ? [`${summary.lost} accepted requests lost`] : []),
        ...(summary.failed > 0 ? [`${summary.failed} accepted requests failed`] : []),
        ...(duplicated > 0 ? [`${duplicated} duplicated`] : []),
        ...(summary.inconsistent > 0 ? [`${summary.inconsistent} results mixed up`] : []),
        ...(recovery.seconds === null
          ? [`not recovered: ${recovery.notDone} requests of the fault's backlog not done`]
          : recovery.seconds > RECOVERY_TARGET_SECONDS
            ? [`recovery ${recovery.seconds.toFixed(1)} s > ${RECOVERY_TARGET_SECONDS} s`]
            : []),
        ...ambiguousAnswers(load.errors()),
        ...judgeDuring(during, scenario.during),
        ...judgeAfter(after),
        ...checks.failures,
      ];
      const result: ScenarioResult = {
        name: scenario.name,
        title: scenario.title,
        accepted: load.log.ids.length,
        done: summary.done,
        failed: summary.failed,
        lost: summary.lost,
        duplicated,
        submitErrors: load.errors(),
        faultSeconds: (faultEndedAt - faultStartedAt) / 1000,
        recoverySeconds: recovery.seconds,
        peakRssMiB: rss.stop(),
        healthDuring: describeSamples(during),
        healthAfter: describeSamples(after),
        notes: [...checks.notes, ...summary.problems.slice(0, 5)],
        failures,
        wallSeconds: 0,
      };
      say(
        `${failures.length === 0 ? 'PASS' : 'FAIL'}: accepted ${result.accepted}, done ${result.done}, failed ${result.failed}, lost ${result.lost}, duplicated ${duplicated}, recovery ${recovery.seconds === null ? 'none' : `${recovery.seconds.toFixed(1)} s`}`,
      );
      for (const failure of failures) say(`  ✗ ${failure}`);
      return { ...result, wallSeconds: (Date.now() - started) / 1000 };
    } finally {
      client.close();
    }
  } finally {
    clearInterval(progress);
    await heal().catch((error: Error) => say(`heal failed: ${error.message}`));
    await load?.stop();
    load?.close();
    health.stop();
    rss.stop();
    await stack.stop();
    await brokerProxy.stop();
    await predictorDbProxy.stop();
    for (const note of await cleanUpRun(infra.broker.url, namespace, mongoUri))
      say(`clean-up: ${note}`);
  }
}

function progressLine(load: LoadDriver): string {
  const errors = Object.entries(load.errors())
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  return `sent ${load.log.requestsSent}, accepted ${load.log.ids.length}, in flight ${load.log.inFlight}${errors ? `, errors ${errors}` : ''}`;
}

/**
 * A 5xx other than 503 leaves the client unable to tell whether its request was stored (503
 * with Retry-After is the documented "not stored, retry"): each such status is a failure.
 */
export function ambiguousAnswers(errors: Record<string, number>): string[] {
  return Object.entries(errors)
    .filter(([status]) => /^5\d\d$/.test(status) && status !== '503')
    .map(([status, n]) => `${n} submits answered ${status} (only 503 + Retry-After is documented)`);
}
