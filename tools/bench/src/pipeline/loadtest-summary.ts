/** Distribution figures as the load tool reports them (ms). */
export interface Distribution {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/**
 * The part of the load tool's JSON report (`npm run loadtest -- --json`) the bench
 * reads. Declared here because tools do not import each other's sources.
 */
export interface LoadtestSummary {
  label: string;
  submit: {
    predictionsAccepted: number;
    acceptedPerSecond: number;
    requestsPerSecond: number;
    durationSeconds: number;
    statusCounts: Record<string, number>;
    clientDropped: number;
    schedulerMaxLagMs: number | null;
  };
  httpLatencyMs: Distribution;
  completion: {
    verified: boolean;
    done: number;
    failed: number;
    lost: number;
    duplicated: number;
    wrong: number;
    inconsistent: number;
    accuracy: number | null;
    completedPerSecond: number | null;
    completedPerSecondSustained: number | null;
    completedPerSecondEndToEnd: number | null;
    submitToDoneMs: Distribution;
  };
  queue: { peakReady: number | null; peakDepth: number | null };
  processes: {
    name: string;
    pid: number;
    averagePercent: number | null;
    peakPercent: number | null;
    /** CPU seconds used during the load. */
    cpuSeconds?: number | null;
  }[];
  metrics: Record<string, Record<string, number>>;
  verdict: { ok: boolean; failures: string[] };
  config: { runDir?: string };
}
