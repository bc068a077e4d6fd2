import type { HpaSpec } from '../hpa/hpa-behavior';
import type { RampPoint } from './traffic-ramp';

/** Everything a simulation run depends on. */
export interface SimulationParams {
  hpa: HpaSpec;
  ramp: RampPoint[];
  /** Messages per second one ready predictor completes (from the load-test benchmark). */
  perPodRate: number;
  /** Seconds from the HPA's decision until a new predictor consumes. */
  startupSeconds: number;
  /** HPA controller sync period (kube-controller-manager default 15 s). */
  syncSeconds: number;
  /** Prometheus scrape interval of the queue-depth series: the HPA sees values up to this old. */
  scrapeSeconds: number;
  /** Time a message spends in a predictor once delivered (batch fill + predict + bulkWrite + ack). */
  serviceSeconds: number;
  /** Simulation step. */
  stepSeconds: number;
}

/** One step of the timeline. */
export interface TimelinePoint {
  t: number;
  /** Requests/s arriving. */
  rate: number;
  /** Messages/s the ready predictors can complete. */
  capacity: number;
  replicas: number;
  readyReplicas: number;
  /** Messages ready + unacknowledged in the queue. */
  queueDepth: number;
  /** Submit-to-done latency of the requests arriving at t, in seconds. */
  latency: number;
}

/** Figures of a whole run. */
export interface SimulationSummary {
  targetAverageValue: number;
  peakReplicas: number;
  peakQueueDepth: number;
  p50LatencySeconds: number;
  p99LatencySeconds: number;
  maxLatencySeconds: number;
  /** Pod-seconds paid for (ready or starting), a cost measure. */
  replicaSeconds: number;
  /** Seconds during which arriving requests waited longer than the latency bound given to summarize. */
  secondsOverLatency: number;
}

export interface SimulationResult {
  params: SimulationParams;
  timeline: TimelinePoint[];
  summary: SimulationSummary;
}
