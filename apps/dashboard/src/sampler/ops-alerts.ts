import type { OpsAlert, OpsSample } from './ops-sample';

/** A request without a result for longer than this is reported on the ops page. */
export const OLDEST_UNFINISHED_ALERT_SECONDS = 900;

/** Alerts of the self-healing signals: drift, stalled or paused predictors, requests stuck for long. */
function reliabilityAlerts(sample: Omit<OpsSample, 'alerts'>): OpsAlert[] {
  const { reliability } = sample;
  const alerts: OpsAlert[] = [];
  if (reliability.topologyMismatch) {
    alerts.push({
      code: 'topology-mismatch',
      severity: 'critical',
      message:
        'Topology mismatch: the broker refuses part of the declared topology (see /health/ready); serving with the existing queue',
    });
  }
  if (reliability.stalledPredictors > 0) {
    alerts.push({
      code: 'consumer-stalled',
      severity: 'critical',
      message: `${reliability.stalledPredictors} predictor(s) stalled: holding messages without progress (not live, restarted)`,
    });
  }
  if (reliability.pausedPredictors > 0) {
    alerts.push({
      code: 'predictor-paused',
      severity: 'warning',
      message: `${reliability.pausedPredictors} predictor(s) paused: they cannot store results (database unreachable)`,
    });
  }
  const oldest = reliability.oldestUnfinishedSeconds;
  if (oldest !== null && oldest > OLDEST_UNFINISHED_ALERT_SECONDS) {
    alerts.push({
      code: 'oldest-unfinished',
      severity: 'warning',
      message: `The oldest unfinished request is ${Math.round(oldest / 60)} min old`,
    });
  }
  return alerts;
}

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
  alerts.push(...reliabilityAlerts(sample));
  for (const predictor of sample.predictors.filter((p) => !p.up)) {
    alerts.push({
      code: 'predictor-down',
      severity: 'warning',
      message: `Predictor metrics unreachable at ${predictor.url}: ${predictor.error ?? 'no answer'}`,
    });
  }
  return alerts;
}
