import { HealthSample, summarizeStatuses } from '../monitor/health-sampler';
import { HealthExpectation } from '../scenarios/scenario';

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
    if (expectation.expect === 'always-200' && bad.length > 0) {
      failures.push(
        `${label} should stay 200 during the fault: ${summarizeStatuses(relevant)} (${bad[0].app}: ${bad[0].detail.slice(0, 160)})`,
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

/** Every app must answer 200 on both probes after recovery. */
export function judgeAfter(samples: HealthSample[]): string[] {
  return samples
    .filter((s) => s.status !== 200)
    .map(
      (s) =>
        `${s.app} /health/${s.probe} ${s.status || 'down'} after recovery: ${s.detail.slice(0, 160)}`,
    );
}
