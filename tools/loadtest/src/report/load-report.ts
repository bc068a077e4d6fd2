import { QueueDepthSummary } from '../monitor/queue-depth-poller';
import { ProcessCpu } from '../monitor/process-cpu-sampler';
import { DistributionSummary } from '../stats/percentiles';

/** The machine and software a run was measured on. */
export interface RunEnvironment {
  node: string;
  platform: string;
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  hostname: string;
}

/** The complete result of one load run (the JSON report). */
export interface LoadReport {
  tool: 'sibyl-loadtest';
  reportVersion: 1;
  label: string;
  startedAt: string;
  finishedAt: string;
  environment: RunEnvironment;
  /** Effective options (target URLs, load shape, stack settings). */
  config: Record<string, unknown>;
  texts: { source: string; count: number; languages: number };
  submit: {
    model: 'open' | 'closed';
    ratePerSecond: number | null;
    concurrency: number | null;
    submitBatch: number;
    requestsPlanned: number | null;
    requestsSent: number;
    clientDropped: number;
    predictionsAccepted: number;
    durationSeconds: number;
    /** Accepted predictions per second of the submit phase. */
    acceptedPerSecond: number;
    /** HTTP requests answered per second of the submit phase. */
    requestsPerSecond: number;
    schedulerMaxLagMs: number | null;
    statusCounts: Record<string, number>;
    errorSamples: string[];
  };
  httpLatencyMs: DistributionSummary;
  completion: {
    /** False when verification was skipped (`--no-verify`): the figures below are then empty. */
    verified: boolean;
    done: number;
    failed: number;
    lost: number;
    notFound: number;
    pending: number;
    duplicated: number;
    /** How `duplicated` was made up. */
    duplicatedDetail: Record<string, number>;
    wrong: number;
    inconsistent: number;
    unreadable: number;
    accuracy: number | null;
    /** (done − 1) / span first→last completedAt. */
    completedPerSecond: number | null;
    /** Median completions per second, excluding the partial first and last second. */
    completedPerSecondSustained: number | null;
    /** done / (first submittedAt … last completedAt), the end-to-end figure. */
    completedPerSecondEndToEnd: number | null;
    completedPerSecondTimeline: number[];
    submitToDoneMs: DistributionSummary;
    verifySeconds: number;
    verifyStatusCounts: Record<string, number>;
    byLanguage: Record<string, { done: number; wrong: number }>;
    problems: string[];
  };
  queue: QueueDepthSummary;
  processes: ProcessCpu[];
  /** Counter deltas over the run, per scraped target (gateway, predictor-1, …). */
  metrics: Record<string, Record<string, number>>;
  notes: string[];
  verdict: { ok: boolean; failures: string[] };
}
