import fc from 'fast-check';
import { maxHeaderSize } from 'node:http';
import { describeRequest, FuzzOutcome, send } from './send';
import { Canary } from './canary';
import { RssWatch } from './rss';
import { FuzzContext, FuzzRequest, fuzzRequests } from '../arbitraries/request.arbitrary';

/** What a fuzz run needs to know about the gateway under test. */
export interface FuzzTarget {
  baseUrl: string;
  /** Its process id (RSS, liveness). */
  pid: number;
  /** A valid API key (all scopes) the fuzz requests may carry. */
  apiKey?: string;
  /** The canary's key (all scopes; its own rate-limit bucket). */
  canaryKey?: string;
  /** True while the process runs. */
  isRunning(): boolean;
}

/** Options of {@link runFuzz}. */
export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Largest allowed RSS growth of the gateway over the run, in MiB. */
  maxRssGrowthMiB: number;
  /** Progress callback, every `progressEvery` requests. */
  onProgress?: (done: number, report: FuzzReport) => void;
  progressEvery?: number;
}

/** Outcome of a fuzz run. */
export interface FuzzReport {
  seed: number;
  runs: number;
  requests: number;
  statuses: Record<string, number>;
  rssStartBytes: number;
  rssPeakBytes: number;
  rssEndBytes: number;
  canaryRounds: number;
  canaryFailures: string[];
  /** Set when the property failed: the counterexample and why. */
  failure?: string;
  durationMs: number;
}

/** Bodies larger than this may see the connection closed mid-upload after the 413 (not a failure). */
const LARGE_BODY_BYTES = 512 * 1024;
const MIB = 1024 * 1024;

/**
 * Bytes of a request's head (request line and headers), roughly as sent. Over Node's header limit
 * (`http.maxHeaderSize`, 16 KiB by default) the server answers 431 and closes at once, and a client still sending
 * the head may see the connection reset before it reads that answer: not a failure either.
 */
function headBytes(request: FuzzRequest): number {
  const headers = Object.entries(request.headers).reduce(
    (sum, [name, value]) => sum + name.length + Buffer.byteLength(value) + 4,
    0,
  );
  return request.method.length + Buffer.byteLength(request.path) + headers + 12;
}

/**
 * Whether an outcome is acceptable: any 1xx–4xx, never a 5xx, never a dropped connection for a small request
 * (a body up to {@link LARGE_BODY_BYTES} and a head within Node's header limit).
 */
function verdict(outcome: FuzzOutcome, request: FuzzRequest): string | undefined {
  if (outcome.kind === 'closed') {
    const large =
      (request.body?.length ?? 0) > LARGE_BODY_BYTES || headBytes(request) > maxHeaderSize;
    return large ? undefined : `connection failed: ${outcome.error}`;
  }
  if (outcome.status >= 500) return `answered ${outcome.status}: ${outcome.body}`;
  return undefined;
}

/**
 * Sends `runs` random requests (fast-check, seeded) to the gateway one after another while a canary sends
 * valid traffic, and checks after every request: no 5xx, no dropped connection (small bodies), the process
 * still runs. At the end: every canary request succeeded and the RSS grew by at most `maxRssGrowthMiB`.
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const headers: Record<string, string> = target.apiKey
    ? { authorization: `Bearer ${target.apiKey}` }
    : {};
  const canary = new Canary(target.baseUrl, headers);
  for (let i = 0; i < 3; i++) await canary.round();
  const context: FuzzContext = { knownIds: [...canary.ids], apiKey: target.apiKey };
  const rss = new RssWatch(target.pid, 200);
  rss.start();
  await new Promise((resolve) => setTimeout(resolve, 250));
  const rssStartBytes = rss.last;
  const report: FuzzReport = {
    seed: options.seed,
    runs: options.runs,
    requests: 0,
    statuses: {},
    rssStartBytes,
    rssPeakBytes: 0,
    rssEndBytes: 0,
    canaryRounds: 0,
    canaryFailures: [],
    durationMs: 0,
  };
  canary.start();
  try {
    await fc.assert(
      fc.asyncProperty(fuzzRequests(context), async (request) => {
        const outcome = await send(target.baseUrl, request);
        report.requests += 1;
        const key = outcome.kind === 'status' ? String(outcome.status) : 'closed';
        report.statuses[key] = (report.statuses[key] ?? 0) + 1;
        if (options.onProgress && report.requests % (options.progressEvery ?? 50) === 0) {
          report.rssPeakBytes = rss.peak;
          options.onProgress(report.requests, report);
        }
        const problem = verdict(outcome, request);
        if (problem) throw new Error(`${describeRequest(request)} ${problem}`);
        if (!target.isRunning())
          throw new Error(`the gateway exited after ${describeRequest(request)}`);
      }),
      { seed: options.seed, numRuns: options.runs, endOnFailure: true },
    );
  } catch (error) {
    report.failure = describeFailure(error as Error);
  } finally {
    await canary.stop();
    rss.stop();
  }
  report.rssPeakBytes = rss.peak;
  report.rssEndBytes = rss.last;
  report.canaryRounds = canary.rounds;
  report.canaryFailures = canary.failures;
  report.durationMs = Date.now() - started;
  if (!report.failure && report.rssPeakBytes - rssStartBytes > options.maxRssGrowthMiB * MIB)
    report.failure = `RSS grew by ${((report.rssPeakBytes - rssStartBytes) / MIB).toFixed(0)} MiB (limit ${options.maxRssGrowthMiB} MiB)`;
  return report;
}

/** Longest line of a failure kept in the report (a counterexample can hold a megabyte of path). */
const FAILURE_LINE_MAX = 600;

/**
 * A property failure in a dozen short lines, with why the request failed: fast-check 4 keeps the thrown error as
 * the `cause`, not in the message.
 */
function describeFailure(error: Error): string {
  const cause = error.cause instanceof Error ? [`cause: ${error.cause.message}`] : [];
  return [...error.message.split('\n').slice(0, 12), ...cause]
    .map((line) => (line.length > FAILURE_LINE_MAX ? `${line.slice(0, FAILURE_LINE_MAX)}…` : line))
    .join('\n');
}

/** One line per fact of a report. */
export function formatReport(report: FuzzReport): string {
  const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;
  const statuses = Object.entries(report.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  return [
    `seed ${report.seed}, ${report.requests}/${report.runs} requests in ${(report.durationMs / 1000).toFixed(1)} s`,
    `statuses: ${statuses}`,
    `gateway RSS: start ${mib(report.rssStartBytes)}, peak ${mib(report.rssPeakBytes)}, end ${mib(report.rssEndBytes)}`,
    `canary: ${report.canaryRounds} rounds, ${report.canaryFailures.length} failed${report.canaryFailures.length ? `: ${report.canaryFailures.slice(0, 3).join('; ')}` : ''}`,
    report.failure
      ? `FAILED: ${report.failure}`
      : 'no 5xx, no crash, memory bounded, valid traffic served',
  ].join('\n');
}
