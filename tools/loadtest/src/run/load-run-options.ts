/** Settings of a stack spawned by the load tool (`--spawn`). */
export interface SpawnSettings {
  predictors: number;
  /** Gateway processes (default 1); requests go to them in turn. */
  gateways?: number;
  batchSize?: number;
  batchWaitMs?: number;
  prefetch?: number;
  httpAdapter?: string;
  gatewayPort: number;
  predictorPort: number;
  rabbitUrl: string;
  /** Base URI; a unique database name is derived from it. */
  mongoUri: string;
  modelPath?: string;
  distDir: string;
  logLevel: string;
  cpuProfile: boolean;
  /** Start a private FerretDB (fresh, on a free port) instead of using `mongoUri`. */
  privateDb: boolean;
  /** Use `mongoUri`'s database as it is (e.g. pre-filled) and keep it, instead of a fresh unique one. */
  useDatabase?: boolean;
  /** Keep the namespace's queues and the database afterwards. */
  keep: boolean;
  extraEnv: Record<string, string>;
}

/** Everything one load run needs (the CLI builds it from flags). */
export interface LoadRunOptions {
  label: string;
  /** Target an already running gateway (ignored with `spawn`). */
  gatewayUrl: string;
  /**
   * API key for that gateway (scopes predict, read, and metrics or admin); a spawned stack gets
   * its own key created in its database.
   */
  apiKey?: string;
  spawn: SpawnSettings | null;
  /** Predictor `/metrics` URLs of a running deployment (spawned stacks know theirs). */
  predictorMetricsUrls: string[];
  /** Open model: HTTP requests per second. Null = closed model. */
  rate: number | null;
  /** Closed model: requests in flight. */
  concurrency: number;
  durationMs: number | null;
  /** Number of HTTP requests. */
  count: number | null;
  /** Texts per request (1 = single submits). */
  submitBatch: number;
  textsPath?: string;
  /** Pause between verification rounds while ids are still queued (ms). */
  waitMs: number;
  /** How long after the submit phase ids may take to complete before they count as lost. */
  completionTimeoutMs: number;
  verifyConcurrency: number;
  reread: boolean;
  /** Verify the accepted ids (false = accept path only). */
  verify: boolean;
  /** Open model: arrivals beyond this many unanswered requests are dropped (and reported). */
  maxInFlight: number;
  httpClient: 'node' | 'fetch';
  maxSockets: number;
  requestTimeoutMs: number;
  /** Counter of result documents the predictors wrote (for duplicate detection). */
  resultsWrittenMetric: string;
  /** Other local processes to watch for CPU, by listening port (broker, database). */
  watchPorts: { name: string; port: number }[];
  queuePollMs: number;
  outDir: string;
  writeFiles: boolean;
  progress: boolean;
  seed: number;
}

/** Defaults of every option except the load shape. */
export const DEFAULT_LOAD_RUN_OPTIONS: Omit<LoadRunOptions, 'label'> = {
  gatewayUrl: 'http://127.0.0.1:3000',
  spawn: null,
  predictorMetricsUrls: [],
  rate: null,
  concurrency: 64,
  durationMs: 10_000,
  count: null,
  submitBatch: 1,
  waitMs: 500,
  completionTimeoutMs: 120_000,
  verifyConcurrency: 4,
  reread: true,
  verify: true,
  maxInFlight: 20_000,
  httpClient: 'node',
  maxSockets: 256,
  requestTimeoutMs: 60_000,
  resultsWrittenMetric: 'sibyl_results_written_total',
  watchPorts: [],
  queuePollMs: 500,
  outDir: 'reports/loadtest',
  writeFiles: true,
  progress: true,
  seed: 1,
};
