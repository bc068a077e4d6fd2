import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { positiveNumber, UsageError, wholeNumber } from '@sibyl/cli-options';
import { DEFAULT_LOAD_RUN_OPTIONS, LoadRunOptions } from '../run/load-run-options';

/** Where `npm start` keeps its local all-scope key. */
const LOCAL_API_KEY_FILE = '.data/api-key';

/** `--help` text. */
export const HELP = `Sibyl load test: drives the gateway over HTTP, then verifies every accepted prediction.

Usage: npm run loadtest -- [options]
       npx tsx tools/loadtest/src/main.ts [options]

Target (one of):
  --gateway URL            running gateway (default http://127.0.0.1:3000), e.g. a Kubernetes ingress
  --predictor-metrics URLS comma-separated predictor /metrics URLs of that deployment (duplicate check, CPU-free)
  --api-key KEY            its API key (scopes predict, read, admin); default $SIBYL_API_KEY, else the
                           local key of npm start (.data/api-key)
  --spawn                  start 1 gateway + N predictors from dist/apps on a unique namespace and database
    --predictors N         predictor processes (default 2; 0 with --no-verify = gateway alone)
    --gateways N           gateway processes (default 1); requests go to them in turn (scale-out runs)
    --batch-size N         predictor BATCH_MAX_SIZE (1 = micro-batching off)
    --batch-wait-ms N      predictor BATCH_MAX_WAIT_MS
    --prefetch N           predictor PREFETCH
    --http-adapter NAME    gateway HTTP_ADAPTER (express | fastify)
    --gateway-port N       first gateway port (default: free ports);  --predictor-port N  first predictor port (default: free ports)
    --rabbitmq-url URL     default $RABBITMQ_URL or amqp://guest:guest@127.0.0.1:5672
    --mongodb-uri URI      base URI (default $MONGODB_URI or mongodb://127.0.0.1:27017/sibyl); a unique database is used
    --model-path PATH      predictor MODEL_PATH
    --private-db           start a private FerretDB (fresh data, free port) for this run instead of --mongodb-uri
    --use-database         use --mongodb-uri's database as it is and keep it (e.g. one holding a million results
                           from \`npm run bench -- fill\`) instead of a fresh unique one
    --dist DIR             built apps (default dist/apps)
    --log-level LEVEL      apps' LOG_LEVEL (default warn)
    --env KEY=VALUE        extra environment for the apps (repeatable)
    --cpu-prof             write V8 CPU profiles of the apps into the run folder
    --keep                 keep the namespace's queues and the database afterwards

Load shape:
  --rate N                 open model: N HTTP requests per second on a fixed schedule
  --concurrency N          closed model: N requests in flight, as fast as possible (default 64; used without --rate)
  --duration S             seconds of load (default 10)
  --count N                number of HTTP requests (whichever of duration/count ends first)
  --submit-batch N         texts per request: 1 = POST /v1/predictions (default), >1 = POST /v1/predictions/batch
  --texts FILE             JSON Lines {text, lang} (default data/eval/udhr-sentences.jsonl, else a built-in set)
  --max-in-flight N        open model: drop (and count) arrivals beyond N unanswered requests (default 20000)

Verification and output:
  --wait-ms N              pause between verification rounds while ids are queued (default 500)
  --completion-timeout S   how long ids may take to complete after the load before they count as lost (default 120)
  --verify-concurrency N   verification lookups (POST /v1/predictions/lookup, up to 1000
                           ids each) in flight (default 4)
  --no-reread              skip the second read of each done id
  --no-verify              only measure the accept path (e.g. --predictors 0); nothing is verified
  --results-metric NAME    predictor counter of written results (default sibyl_results_written_total)
  --watch-port NAME=PORT   also report CPU of the local process listening on PORT (repeatable;
                           --spawn watches rabbitmq and mongodb by default)
  --http-client node|fetch node:http keep-alive agent (default) or the built-in fetch
  --max-sockets N          keep-alive pool size (default 256)
  --label NAME             report name (default derived from the shape)
  --out DIR                report folder (default reports/loadtest)
  --json                   print the JSON report on stdout
  --quiet                  no progress display
  -h, --help

Exit status: 0 when lost = 0, duplicated = 0, inconsistent = 0 and failed = 0; 1 otherwise; 2 on bad options.
`;

/** The key `npm start` wrote to `.data/api-key`, if any. */
function localApiKey(): string | undefined {
  return existsSync(LOCAL_API_KEY_FILE)
    ? readFileSync(LOCAL_API_KEY_FILE, 'utf8').trim()
    : undefined;
}

/** A usage error (exit status 2), shared by the tools. */
export { UsageError };

/** Parsed command line: the run options plus output flags. */
export interface CliCommand {
  help: boolean;
  json: boolean;
  options: LoadRunOptions;
}

/** A whole-number option ≥ `min` (default 1), `undefined` when absent. */
const positiveInt = (name: string, value: string | undefined, min = 1): number | undefined =>
  wholeNumber(name, value, undefined, min);

function keyValues(name: string, values: string[] | undefined): [string, string][] {
  return (values ?? []).map((v) => {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${name} expects KEY=VALUE, got ${JSON.stringify(v)}`);
    return [v.slice(0, eq), v.slice(eq + 1)];
  });
}

/** Parses the command line (without `node script`) into a {@link CliCommand}; throws {@link UsageError}. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        gateway: { type: 'string' },
        'predictor-metrics': { type: 'string' },
        'api-key': { type: 'string' },
        spawn: { type: 'boolean' },
        predictors: { type: 'string' },
        gateways: { type: 'string' },
        'batch-size': { type: 'string' },
        'batch-wait-ms': { type: 'string' },
        prefetch: { type: 'string' },
        'http-adapter': { type: 'string' },
        'gateway-port': { type: 'string' },
        'predictor-port': { type: 'string' },
        'rabbitmq-url': { type: 'string' },
        'mongodb-uri': { type: 'string' },
        'model-path': { type: 'string' },
        dist: { type: 'string' },
        'log-level': { type: 'string' },
        env: { type: 'string', multiple: true },
        'cpu-prof': { type: 'boolean' },
        keep: { type: 'boolean' },
        'private-db': { type: 'boolean' },
        'use-database': { type: 'boolean' },
        rate: { type: 'string' },
        concurrency: { type: 'string' },
        duration: { type: 'string' },
        count: { type: 'string' },
        'submit-batch': { type: 'string' },
        texts: { type: 'string' },
        'max-in-flight': { type: 'string' },
        'wait-ms': { type: 'string' },
        'completion-timeout': { type: 'string' },
        'verify-concurrency': { type: 'string' },
        'no-reread': { type: 'boolean' },
        'no-verify': { type: 'boolean' },
        'results-metric': { type: 'string' },
        'watch-port': { type: 'string', multiple: true },
        'http-client': { type: 'string' },
        'max-sockets': { type: 'string' },
        label: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const d = DEFAULT_LOAD_RUN_OPTIONS;
  const rate = positiveNumber('rate', v.rate) ?? null;
  const concurrency = positiveInt('concurrency', v.concurrency) ?? d.concurrency;
  if (rate !== null && v.concurrency !== undefined)
    throw new UsageError('--rate (open model) and --concurrency (closed model) exclude each other');
  const count = positiveInt('count', v.count) ?? null;
  const durationSeconds = positiveNumber('duration', v.duration);
  const durationMs =
    durationSeconds !== undefined
      ? Math.round(durationSeconds * 1000)
      : count !== null
        ? null
        : d.durationMs;
  const submitBatch = positiveInt('submit-batch', v['submit-batch']) ?? 1;
  const httpClient = v['http-client'] ?? 'node';
  if (httpClient !== 'node' && httpClient !== 'fetch')
    throw new UsageError('--http-client must be node or fetch');
  if (v.spawn && v.gateway)
    throw new UsageError('--spawn starts its own gateway; do not combine it with --gateway');
  const spawnOnly = [
    'predictors',
    'gateways',
    'batch-size',
    'batch-wait-ms',
    'prefetch',
    'http-adapter',
    'cpu-prof',
    'keep',
    'model-path',
    'env',
    'dist',
    'log-level',
    'gateway-port',
    'predictor-port',
    'private-db',
    'use-database',
  ] as const;
  if (!v.spawn)
    for (const flag of spawnOnly)
      if (v[flag] !== undefined) throw new UsageError(`--${flag} only applies with --spawn`);
  const rabbitUrl = v['rabbitmq-url'] ?? env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const mongoUri = v['mongodb-uri'] ?? env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/sibyl';
  if (v['private-db'] && v['use-database'])
    throw new UsageError('--use-database uses --mongodb-uri; do not combine it with --private-db');
  const spawn = v.spawn
    ? {
        predictors: positiveInt('predictors', v.predictors, 0) ?? 2,
        gateways: positiveInt('gateways', v.gateways) ?? 1,
        batchSize: positiveInt('batch-size', v['batch-size']),
        batchWaitMs: positiveInt('batch-wait-ms', v['batch-wait-ms'], 0),
        prefetch: positiveInt('prefetch', v.prefetch),
        httpAdapter: v['http-adapter'],
        gatewayPort: positiveInt('gateway-port', v['gateway-port'], 0) ?? 0,
        predictorPort: positiveInt('predictor-port', v['predictor-port'], 0) ?? 0,
        rabbitUrl,
        mongoUri,
        modelPath: v['model-path'],
        distDir: v.dist ?? 'dist/apps',
        logLevel: v['log-level'] ?? 'warn',
        cpuProfile: Boolean(v['cpu-prof']),
        keep: Boolean(v.keep),
        privateDb: Boolean(v['private-db']),
        useDatabase: Boolean(v['use-database']),
        extraEnv: Object.fromEntries(keyValues('env', v.env)),
      }
    : null;
  const watchPorts = keyValues('watch-port', v['watch-port']).map(([name, port]) => ({
    name,
    port: positiveInt('watch-port', port) as number,
  }));
  if (spawn && watchPorts.length === 0) {
    watchPorts.push({ name: 'rabbitmq', port: Number(new URL(rabbitUrl).port || 5672) });
    if (!v['private-db'])
      watchPorts.push({ name: 'mongodb', port: Number(new URL(mongoUri).port || 27017) });
  }
  if (spawn && spawn.predictors === 0 && !v['no-verify'])
    throw new UsageError('--predictors 0 completes nothing: add --no-verify');
  const shape = rate !== null ? `rate ${rate}/s` : `concurrency ${concurrency}`;
  const options: LoadRunOptions = {
    ...d,
    label:
      v.label ??
      `${shape}${submitBatch > 1 ? ` batch ${submitBatch}` : ''}${spawn ? ` ${spawn.predictors}p bs${spawn.batchSize ?? 'default'}` : ''}`,
    gatewayUrl: v.gateway ?? d.gatewayUrl,
    apiKey: v.spawn ? undefined : (v['api-key'] ?? env.SIBYL_API_KEY ?? localApiKey()),
    spawn,
    predictorMetricsUrls: (v['predictor-metrics'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rate,
    concurrency,
    durationMs,
    count,
    submitBatch,
    textsPath: v.texts,
    waitMs: positiveInt('wait-ms', v['wait-ms'], 0) ?? d.waitMs,
    completionTimeoutMs:
      (positiveNumber('completion-timeout', v['completion-timeout']) ??
        d.completionTimeoutMs / 1000) * 1000,
    verifyConcurrency:
      positiveInt('verify-concurrency', v['verify-concurrency']) ?? d.verifyConcurrency,
    reread: !v['no-reread'],
    verify: !v['no-verify'],
    maxInFlight: positiveInt('max-in-flight', v['max-in-flight']) ?? d.maxInFlight,
    httpClient,
    maxSockets: positiveInt('max-sockets', v['max-sockets']) ?? d.maxSockets,
    resultsWrittenMetric: v['results-metric'] ?? d.resultsWrittenMetric,
    watchPorts,
    outDir: v.out ?? d.outDir,
    progress: !v.quiet,
    seed: positiveInt('seed', v.seed) ?? d.seed,
  };
  return { help: Boolean(v.help), json: Boolean(v.json), options };
}
