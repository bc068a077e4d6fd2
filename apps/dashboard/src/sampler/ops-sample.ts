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
  alerts: OpsAlert[];
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
  code: 'backlog' | 'no-consumers' | 'gateway-down' | 'predictor-down';
  severity: 'critical' | 'warning';
  message: string;
}
