/**
 * One point of the operations view, derived from a scrape of the gateway and predictors and the scrape before it.
 * Shared with the browser code (type-only import), so keep it free of runtime dependencies.
 */
export interface OpsSample {
  /** Scrape time, ms since the epoch. */
  at: number;
  /** Seconds the rates and latency quantiles are measured over (RATE_WINDOW_MS); null for the first sample. */
  intervalSeconds: number | null;
  queue: QueueFigures;
  throughput: ThroughputFigures;
  /** Submit→done latency quantiles in seconds over the rate window; null without observations. */
  latency: { p50: number | null; p95: number | null; p99: number | null; observations: number };
  /** Completed predictions (status done) by language since the predictors started. */
  languages: Record<string, number>;
  /** Messages dead-lettered by the predictors, by reason, since they started. */
  deadLetterReasons: Record<string, number>;
  /** Distinct `sibyl_model_info` versions reported by the predictors. */
  modelVersions: string[];
  gateway: SourceStatus;
  predictors: PredictorStatus[];
  reliability: ReliabilityFigures;
  alerts: OpsAlert[];
}

/** Self-healing signals (issue 9): what is stuck, drifting or held, from the gateway's and predictors' gauges. */
export interface ReliabilityFigures {
  /** Age of the oldest request without a result found by the gateway's last sweep (0: none); null unknown. */
  oldestUnfinishedSeconds: number | null;
  /** Bytes of unconfirmed requests the gateway holds in memory; null unknown. */
  outboxBacklogBytes: number | null;
  /** True when the gateway or a predictor reports topology drift. */
  topologyMismatch: boolean;
  /** Predictors reporting a stalled consumer (not live: restarted). */
  stalledPredictors: number;
  /** Predictors that paused consuming because they cannot store results. */
  pausedPredictors: number;
}

/** Queue depth and broker figures (from `GET /v1/queue`, falling back to the gateway's gauges). */
export interface QueueFigures {
  ready: number | null;
  unacked: number | null;
  consumers: number | null;
  deadLettered: number | null;
  outboxBacklog: number | null;
  publishRate: number | null;
  deliverRate: number | null;
}

/** Rates per second over the rate window, from counter deltas. */
export interface ThroughputFigures {
  submittedPerSecond: number | null;
  completedPerSecond: number | null;
  failedPerSecond: number | null;
}

/** Whether a scraped endpoint answered. */
export interface SourceStatus {
  up: boolean;
  error?: string;
}

/** One predictor's `/metrics` endpoint. */
export interface PredictorStatus extends SourceStatus {
  url: string;
  modelVersion: string | null;
}

/** A condition the operator must see. */
export interface OpsAlert {
  code:
    | 'backlog'
    | 'no-consumers'
    | 'gateway-down'
    | 'predictor-down'
    | 'topology-mismatch'
    | 'consumer-stalled'
    | 'predictor-paused'
    | 'oldest-unfinished';
  severity: 'critical' | 'warning';
  message: string;
}
