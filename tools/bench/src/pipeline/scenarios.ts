/** One load-tool run of the pipeline bench. */
export interface PipelineScenario {
  id: string;
  title: string;
  /** Arguments of `npm run loadtest --` (without --json/--quiet/--label). */
  args: string[];
}

/** Durations of the bench (seconds). */
export interface ScenarioDurations {
  /** The target run (1 gateway + 2 predictors, batching on). */
  main: number;
  /** Comparison runs (batch size 1, one predictor). */
  comparison: number;
  /** Fixed-rate latency run. */
  fixedRate: number;
  /** Gateway-alone HTTP runs. */
  http: number;
}

/** Closed-loop concurrency of the max-rate runs. */
export const MAX_RATE_CONCURRENCY = 64;

/** Predictor settings of the "before issue 12" runs: fixed batches, classification and write alternate. */
export const CLASSIC_BATCHING = ['--env', 'BATCH_MODE=fixed', '--env', 'BATCH_PIPELINE=off'];

/**
 * The scenarios, in run order: end to end at max rate with 1 and 2 predictors, with
 * micro-batching off (BATCH_MAX_SIZE=1) and on (64), a fixed-rate 500/s latency run,
 * each batching run of 64 also with the classic batching (fixed size/wait, no pipelining) for a
 * before/after comparison in the same invocation, and the gateway alone (no predictors) on
 * Express and on Fastify.
 */
export function pipelineScenarios(
  d: ScenarioDurations,
  fixedRate = 500,
  completionTimeoutSeconds = 120,
  database?: string,
): PipelineScenario[] {
  // every run gets its own fresh FerretDB (--private-db): same starting point, no cross-talk;
  // or, with `database`, all runs use that one as it is (e.g. holding a million results).
  const db = databaseArgs(database);
  // One verification read per id: results are insert-once, and extra writes show in sibyl_results_written_total
  // (a second read would double the verification, which FerretDB answers with collection scans).
  const spawn = (predictors: number, batch: number): string[] => [
    '--spawn',
    ...db,
    '--predictors',
    String(predictors),
    '--batch-size',
    String(batch),
    '--completion-timeout',
    String(completionTimeoutSeconds),
    '--no-reread',
  ];
  const maxRate = (
    predictors: number,
    batch: number,
    seconds: number,
    concurrency = MAX_RATE_CONCURRENCY,
  ): string[] => [
    ...spawn(predictors, batch),
    '--concurrency',
    String(concurrency),
    '--duration',
    String(seconds),
  ];
  return [
    {
      id: 'e2e-1p-bs1',
      title: 'max rate, 1 predictor, batch size 1',
      args: maxRate(1, 1, d.comparison),
    },
    {
      id: 'e2e-1p-bs64',
      title: 'max rate, 1 predictor, batch size 64',
      args: maxRate(1, 64, d.comparison),
    },
    {
      id: 'e2e-1p-bs64-classic',
      title: 'max rate, 1 predictor, batch size 64, classic batching (fixed, not pipelined)',
      args: [...maxRate(1, 64, d.comparison), ...CLASSIC_BATCHING],
    },
    {
      id: 'e2e-2p-bs1',
      title: 'max rate, 2 predictors, batch size 1',
      args: maxRate(2, 1, d.comparison),
    },
    {
      id: 'e2e-2p-bs64',
      title: 'max rate, 2 predictors, batch size 64 (target run)',
      args: maxRate(2, 64, d.main),
    },
    {
      id: 'e2e-2p-bs64-classic',
      title: 'max rate, 2 predictors, batch size 64, classic batching (fixed, not pipelined)',
      args: [...maxRate(2, 64, d.main), ...CLASSIC_BATCHING],
    },
    {
      id: 'e2e-2p-bs64-batch20',
      title: 'max rate, 2 predictors, batch size 64, batch submits of 20 texts',
      args: [...maxRate(2, 64, d.comparison, 8), '--submit-batch', '20'],
    },
    {
      id: `fixed-${fixedRate}`,
      title: `fixed rate ${fixedRate}/s, 2 predictors, batch size 64`,
      args: [...spawn(2, 64), '--rate', String(fixedRate), '--duration', String(d.fixedRate)],
    },
    {
      id: `fixed-${fixedRate}-classic`,
      title: `fixed rate ${fixedRate}/s, 2 predictors, batch size 64, classic batching (fixed, not pipelined)`,
      args: [
        ...spawn(2, 64),
        '--rate',
        String(fixedRate),
        '--duration',
        String(d.fixedRate),
        ...CLASSIC_BATCHING,
      ],
    },
    ...(['express', 'fastify'] as const).map((adapter) => ({
      id: `http-${adapter}`,
      title: `gateway alone (accept path, broker + DB), ${adapter}`,
      args: [
        '--spawn',
        ...db,
        '--predictors',
        '0',
        '--no-verify',
        '--http-adapter',
        adapter,
        '--concurrency',
        String(MAX_RATE_CONCURRENCY),
        '--duration',
        String(d.http),
      ],
    })),
  ];
}

/** Load-tool arguments for the database: a private fresh FerretDB, or `database` used as it is. */
export function databaseArgs(database?: string): string[] {
  return database ? ['--mongodb-uri', database, '--use-database'] : ['--private-db'];
}
