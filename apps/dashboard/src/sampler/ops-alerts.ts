import type { OpsAlert, OpsSample } from './ops-sample';

/**
 * The alerts of a sample: backlog above the threshold, nobody consuming (no consumer on the queue, or — when the
 * queue cannot be read — no predictor answering), gateway or predictors unreachable.
 */
export function opsAlerts(sample: Omit<OpsSample, 'alerts'>, backlogThreshold: number): OpsAlert[] {
  const alerts: OpsAlert[] = [];
  const { ready, consumers } = sample.queue;
  if (ready !== null && ready > backlogThreshold) {
    alerts.push({
      code: 'backlog',
      severity: 'critical',
      message: `Backlog: ${ready} messages waiting, above the threshold of ${backlogThreshold}`,
    });
  }
  const predictorsUp = sample.predictors.filter((p) => p.up).length;
  if (consumers === 0 || (consumers === null && predictorsUp === 0)) {
    alerts.push({
      code: 'no-consumers',
      severity: 'critical',
      message: 'No predictor is consuming the requests queue',
    });
  }
  if (!sample.gateway.up) {
    alerts.push({
      code: 'gateway-down',
      severity: 'critical',
      message: `Gateway unreachable: ${sample.gateway.error ?? 'no answer'}`,
    });
  }
  for (const predictor of sample.predictors.filter((p) => !p.up)) {
    alerts.push({
      code: 'predictor-down',
      severity: 'warning',
      message: `Predictor metrics unreachable at ${predictor.url}: ${predictor.error ?? 'no answer'}`,
    });
  }
  return alerts;
}
