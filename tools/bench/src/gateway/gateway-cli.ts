import { cpus } from 'node:os';
import { parseCommandLine, positiveNumber, wholeNumber } from '@sibyl/cli-options';
import { GatewayVariantResult, runGatewayBench } from './gateway-bench';
import { parseVariant } from './gateway-variant';
import { fileTime, writeBenchReport } from '../bench-report-file';

export const GATEWAY_HELP = `Gateway-alone bench (issue 12): accepted/s and gateway CPU per accepted prediction.

Usage: npm run bench -- gateway [options]
  --variant NAME=DIST[,KEY=VALUE...]  a gateway build (folder with gateway/main.js) and its extra
                                     environment; repeatable (default: dist/apps as configured)
  --repeats N        runs of each variant, interleaved (default 3); the table shows medians
  --duration S       seconds of load per run (default 15)
  --concurrency N    closed-loop requests in flight (default 64)
  --profile          one extra --cpu-prof run per variant, top functions by self time
Every run spawns the gateway alone (no predictors) with a private FerretDB and the machine's
RabbitMQ, drives POST /v1/predictions through the load tool and reads the gateway's CPU time.
Results: a Markdown table on stdout and reports/bench/gateway-<time>.json.
`;

function fixed(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}

/** The Markdown table of the medians, with ratios to the first variant. */
export function renderGatewayTable(results: GatewayVariantResult[]): string {
  const base = results[0]?.median;
  const ratio = (value: number | null, of: number | null | undefined): string =>
    value !== null && of ? ` (×${(value / of).toFixed(2)})` : '';
  const rows = results.map(({ variant, median, runs }) =>
    [
      variant.name,
      `${median.acceptedPerSecond}${ratio(median.acceptedPerSecond, base?.acceptedPerSecond)}`,
      `${fixed(median.cpuMsPerAccepted, 3)}${ratio(median.cpuMsPerAccepted, base?.cpuMsPerAccepted)}`,
      `${median.acceptedPerCoreSecond ?? '–'}${ratio(median.acceptedPerCoreSecond, base?.acceptedPerCoreSecond)}`,
      fixed(median.p99Ms, 1),
      String(median.non2xx),
      runs.map((r) => r.acceptedPerSecond).join(' / '),
    ].join(' | '),
  );
  return [
    '| variant | accepted/s | gateway CPU ms per accepted | accepted/s per gateway core | HTTP p99 ms | non-2xx | runs (accepted/s) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

function renderProfiles(results: GatewayVariantResult[]): string {
  return results
    .filter((r) => r.profile)
    .map(({ variant, profile }) =>
      [
        `Profile of ${variant.name}: ${profile?.busyMs} ms busy; ` +
          (profile?.byArea ?? [])
            .slice(0, 8)
            .map((a) => `${a.area} ${a.percent} %`)
            .join(', '),
        ...(profile?.topFunctions ?? []).map((f) => `  - ${f.percent} % ${f.name}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** `npm run bench -- gateway …` */
export async function runGatewayCli(root: string, argv: string[]): Promise<void> {
  const values = parseCommandLine(
    argv,
    {
      variant: { type: 'string', multiple: true },
      repeats: { type: 'string', default: '3' },
      duration: { type: 'string', default: '15' },
      concurrency: { type: 'string', default: '64' },
      profile: { type: 'boolean' },
    },
    GATEWAY_HELP,
  );
  if (!values) return;
  const variants = (values.variant ?? ['current=dist/apps']).map(parseVariant);
  const startedAt = new Date().toISOString();
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const results = await runGatewayBench({
    root,
    variants,
    repeats: wholeNumber('repeats', values.repeats, undefined, 1),
    seconds: positiveNumber('duration', values.duration),
    concurrency: wholeNumber('concurrency', values.concurrency, undefined, 1),
    profile: values.profile ?? false,
    log,
  });
  const jsonPath = writeBenchReport(root, `gateway-${fileTime(startedAt)}`, {
    startedAt,
    argv,
    results,
  });
  log(`results: ${jsonPath}`);
  process.stdout.write(
    `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; npm run bench -- gateway ${argv.join(' ')}\n\n` +
      `${renderGatewayTable(results)}\n\n${renderProfiles(results)}\n`,
  );
}
