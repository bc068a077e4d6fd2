import { HorizontalPodAutoscaler } from '../hpa/horizontal-pod-autoscaler';
import { completionLatencies, weightedPercentile } from './latency-tracker';
import { PredictorFleet } from './predictor-fleet';
import type { SimulationParams, SimulationResult, TimelinePoint } from './simulation-types';
import { rampDuration, rateAt } from './traffic-ramp';

/** Most time the simulation runs past the end of the ramp to drain the backlog. */
const MAX_DRAIN_SECONDS = 3600;

/**
 * Runs the traffic ramp through a fluid model of the requests queue and the predictors, with the
 * HPA controller in the loop: every `stepSeconds` requests arrive at the ramp's rate and the ready
 * predictors complete up to `perPodRate` each; Prometheus samples the queue depth (ready +
 * unacked, including the messages inside predictors) and the metrics pipeline the predictors' CPU
 * utilization (share of their capacity in use) every `scrapeSeconds`; every `syncSeconds`
 * the HPA reconciles on the last sample and the fleet follows, new pods consuming after
 * `startupSeconds`. Latency is exact for the FIFO fluid queue: a request is done when the
 * cumulative completions reach its place among the cumulative arrivals.
 */
export function simulate(
  params: SimulationParams,
  latencyBoundSeconds = Infinity,
): SimulationResult {
  const { hpa: spec, ramp, perPodRate, stepSeconds: dt, serviceSeconds } = params;
  const hpa = new HorizontalPodAutoscaler(spec);
  const fleet = new PredictorFleet(spec.minReplicas, params.startupSeconds);
  const end = rampDuration(ramp);
  const arrived: number[] = [];
  const completed: number[] = [];
  const timeline: TimelinePoint[] = [];
  let arrivals = 0;
  let completions = 0;
  let sampledDepth = 0;
  let sampledCpu = 0;
  let sampledReady = spec.minReplicas;
  let replicaSeconds = 0;
  for (let step = 0; ; step++) {
    const t = step * dt;
    if (t >= end && (arrivals - completions < 1 || t >= end + MAX_DRAIN_SECONDS)) break;
    const ready = fleet.readyAt(t);
    const rate = rateAt(ramp, t);
    const capacity = ready * perPodRate;
    const served = Math.min(arrivals - completions + rate * dt, capacity * dt);
    arrivals += rate * dt;
    completions += served;
    arrived.push(arrivals);
    completed.push(completions);
    const queueDepth = arrivals - completions + (served / dt) * serviceSeconds;
    if (step % Math.round(params.scrapeSeconds / dt) === 0) {
      sampledDepth = queueDepth;
      // CPU-bound workers: busy share of the ready pods' capacity (+5 % idle overhead).
      sampledCpu = ready > 0 ? Math.min(1, served / (capacity * dt) + 0.05) : 0;
      sampledReady = ready;
    }
    if (step > 0 && step % Math.round(params.syncSeconds / dt) === 0) {
      const observed = {
        queueDepth: sampledDepth,
        readyPods: sampledReady,
        cpuUtilization: sampledCpu,
      };
      fleet.scaleTo(hpa.reconcile(t, fleet.replicas, observed).desired, t);
    }
    replicaSeconds += fleet.replicas * dt;
    timeline.push({
      t,
      rate,
      capacity,
      replicas: fleet.replicas,
      readyReplicas: ready,
      queueDepth,
      latency: 0,
    });
  }
  const latencies = completionLatencies(arrived, completed, dt, serviceSeconds);
  timeline.forEach((point, i) => (point.latency = latencies[i]));
  const weights = timeline.map((p) => p.rate * dt);
  return {
    params,
    timeline,
    summary: {
      targetAverageValue: spec.targetAverageValue,
      peakReplicas: Math.max(...timeline.map((p) => p.replicas)),
      peakQueueDepth: Math.max(...timeline.map((p) => p.queueDepth)),
      p50LatencySeconds: weightedPercentile(latencies, weights, 0.5),
      p99LatencySeconds: weightedPercentile(latencies, weights, 0.99),
      maxLatencySeconds: Math.max(...latencies),
      replicaSeconds,
      secondsOverLatency: latencies.filter((l) => l > latencyBoundSeconds).length * dt,
    },
  };
}
