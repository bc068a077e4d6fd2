import { currentEnvironment, startPrivateFerretDb } from '@sibyl/loadtest';
import { BrokerControl } from '../infra/broker-control';
import { PrivateRabbit } from '../infra/private-rabbit';
import { Scenario } from '../scenarios/scenario';
import { onInterrupt } from './emergency';
import { runScenario } from './run-scenario';
import { RunSettings } from './run-settings';
import { ScenarioResult } from './scenario-result';

/** A whole chaos run: settings, machine and one result per scenario. */
export interface ChaosReport {
  startedAt: string;
  durationSeconds: number;
  command: string;
  /** Commit of the workspace the apps were built from (`git describe --always --dirty`). */
  commit?: string;
  environment: ReturnType<typeof currentEnvironment>;
  broker: string;
  settings: Pick<
    RunSettings,
    'rate' | 'predictors' | 'warmupMs' | 'faultMs' | 'cooldownMs' | 'completionTimeoutMs'
  >;
  results: ScenarioResult[];
}

/** Options of {@link runChaos}. */
export interface ChaosOptions {
  scenarios: Scenario[];
  settings: RunSettings;
  /** `private`: a RabbitMQ node of its own; otherwise the URL of a broker to share (proxy faults only). */
  broker: 'private' | { sharedUrl: string };
  command: string;
  commit: string;
}

/**
 * Runs the scenarios one after the other on one broker and one private FerretDB (each scenario
 * on its own namespace and database). The broker is a node the tool starts itself whenever a
 * scenario stops or alarms it — the machine's shared RabbitMQ is never touched that way.
 * Everything started is stopped, and every change restored, whatever happens.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const { settings } = options;
  const log = settings.log;
  const started = Date.now();
  const needsPrivate = options.scenarios.some((s) => s.needsPrivateBroker);
  if (needsPrivate && options.broker !== 'private')
    throw new Error(
      `${options.scenarios
        .filter((s) => s.needsPrivateBroker)
        .map((s) => s.name)
        .join(', ')} stop or alarm the broker: they need the private node (--broker private)`,
    );
  let rabbit: PrivateRabbit | null = null;
  const database = await startPrivateFerretDb(log);
  const unregisterDb = onInterrupt(async () => {
    process.kill(database.pid, 'SIGCONT');
    await database.stop();
  });
  try {
    if (options.broker === 'private') {
      rabbit = await PrivateRabbit.start(log);
      const node = rabbit;
      onInterrupt(() => node.stop());
    }
    const brokerUrl = rabbit?.url ?? (options.broker as { sharedUrl: string }).sharedUrl;
    const broker = new BrokerControl(brokerUrl, rabbit);
    const infra = {
      broker,
      brokerPid: (await rabbit?.pid()) ?? -1,
      databaseUri: database.uri,
      databasePid: database.pid,
    };
    const results: ScenarioResult[] = [];
    for (const [i, scenario] of options.scenarios.entries()) {
      log(`scenario ${i + 1}/${options.scenarios.length}: ${scenario.name} — ${scenario.title}`);
      const unregister = onInterrupt(() => restoreAll(infra.databasePid, broker));
      try {
        const result = await runScenario(scenario, settings, infra);
        results.push({ ...result, ranAt: new Date().toISOString(), commit: options.commit });
      } catch (error) {
        log(`[${scenario.name}] aborted: ${(error as Error).stack ?? error}`);
        results.push(abortedResult(scenario, error as Error));
      } finally {
        unregister();
        await restoreAll(infra.databasePid, broker);
      }
    }
    return {
      startedAt: new Date(started).toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      command: options.command,
      commit: options.commit,
      environment: currentEnvironment(),
      broker: rabbit
        ? `private RabbitMQ node ${rabbit.nodeName}`
        : `shared broker (faults through a proxy only)`,
      settings: {
        rate: settings.rate,
        predictors: settings.predictors,
        warmupMs: settings.warmupMs,
        faultMs: settings.faultMs,
        cooldownMs: settings.cooldownMs,
        completionTimeoutMs: settings.completionTimeoutMs,
      },
      results,
    };
  } finally {
    log('stopping the private database and broker…');
    unregisterDb();
    process.kill(database.pid, 'SIGCONT');
    await database.stop();
    await rabbit?.stop();
  }
}

/** Undoes any fault a scenario may have left: database resumed, broker app started, watermark reset. */
async function restoreAll(databasePid: number, broker: BrokerControl): Promise<void> {
  try {
    process.kill(databasePid, 'SIGCONT');
  } catch {
    // already gone
  }
  if (broker.isPrivate) {
    await broker.startApp();
    await broker.resetWatermark();
  }
}

function abortedResult(scenario: Scenario, error: Error): ScenarioResult {
  return {
    name: scenario.name,
    title: scenario.title,
    accepted: 0,
    done: 0,
    failed: 0,
    lost: 0,
    duplicated: 0,
    submitErrors: {},
    faultSeconds: 0,
    recoverySeconds: null,
    peakRssMiB: {},
    healthDuring: '',
    healthAfter: '',
    notes: [],
    failures: [`aborted: ${error.message.split('\n')[0]}`],
    wallSeconds: 0,
  };
}
