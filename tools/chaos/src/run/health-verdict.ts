import { HealthSample, summarizeStatuses } from '../monitor/health-sampler';
import { HealthExpectation } from '../scenarios/scenario';

/**
 * Consecutive unanswered probes of one app that count as a failure: the smallest `failureThreshold` of the
 * probes in deploy/k8s. A single probe timing out between answers (a starved CPU) makes no kubelet act.
 */
export const PROBE_TIMEOUTS_TOLERATED = 1;

/** Apps an expectation is about. */
function matches(expectation: HealthExpectation, app: string): boolean {
  switch (expectation.app) {
    case 'any':
      return true;
    case 'gateways':
      return app.startsWith('gateway');
    case 'predictors':
      return app.startsWith('predictor');
    default:
      return app === expectation.app;
  }
}

/** `gateway ready 200×12 503×3; …` */
export function describeSamples(samples: HealthSample[]): string {
  const keys = [...new Set(samples.map((s) => `${s.app} ${s.probe}`))].sort();
  return keys
    .map((key) => {
      const [app, probe] = key.split(' ');
      return `${key} ${summarizeStatuses(samples.filter((s) => s.app === app && s.probe === probe))}`;
    })
    .join('; ');
}

/**
 * Checks the health samples taken during a fault against the scenario's expectations;
 * returns one failure line per unmet expectation.
 */
export function judgeDuring(samples: HealthSample[], expectations: HealthExpectation[]): string[] {
  const failures: string[] = [];
  for (const expectation of expectations) {
    const relevant = samples.filter(
      (s) => s.probe === expectation.probe && matches(expectation, s.app),
    );
    const label = `${expectation.app} /health/${expectation.probe}`;
    if (relevant.length === 0) {
      failures.push(`${label}: no sample during the fault`);
      continue;
    }
    const bad = relevant.filter((s) => s.status !== 200);
    const failed = withoutIsolatedTimeouts(relevant).filter((s) => s.status !== 200);
    if (expectation.expect === 'always-200' && failed.length > 0) {
      failures.push(
        `${label} should stay 200 during the fault: ${summarizeStatuses(relevant)} (${failed[0].app}: ${failed[0].detail.slice(0, 160)})`,
      );
    }
    if (expectation.expect === 'sometimes-not-200' && bad.length === 0) {
      failures.push(
        `${label} never reported the fault (${summarizeStatuses(relevant)}): health not truthful`,
      );
    }
  }
  return failures;
}

/**
 * The samples without timeouts that stand alone: at most {@link PROBE_TIMEOUTS_TOLERATED} in a row for one
 * app and probe (samples in the order taken). An answer that is not 200, a refused connection, or a longer
 * run of timeouts stays.
 */
function withoutIsolatedTimeouts(samples: HealthSample[]): HealthSample[] {
  const kept: HealthSample[] = [];
  const runs = new Map<string, HealthSample[]>();
  const flush = (key: string): void => {
    const run = runs.get(key) ?? [];
    if (run.length > PROBE_TIMEOUTS_TOLERATED) kept.push(...run);
    runs.delete(key);
  };
  for (const sample of samples) {
    const key = `${sample.app} ${sample.probe}`;
    if (sample.timedOut) {
      runs.set(key, [...(runs.get(key) ?? []), sample]);
      continue;
    }
    flush(key);
    kept.push(sample);
  }
  for (const key of [...runs.keys()]) flush(key);
  return kept;
}

/** Every app must answer 200 on both probes after recovery. */
export function judgeAfter(samples: HealthSample[]): string[] {
  return samples
    .filter((s) => s.status !== 200)
    .map(
      (s) =>
        `${s.app} /health/${s.probe} ${s.status || 'down'} after recovery: ${s.detail.slice(0, 160)}`,
    );
}
