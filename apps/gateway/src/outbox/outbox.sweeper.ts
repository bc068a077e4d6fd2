import type { PredictionRequest } from '@sibyl/contracts';
import type { OutboxEntry, SweepCandidate } from './outbox.store';
import { GAVE_UP_ERROR, SWEEP_PAGE_MAX } from './outbox.constants';
import type { DispatchOptions, DispatchResult } from './outbox.dispatcher';
import { recordedAttempts, toPredictionRequest } from './prediction-request';

/** What a sweep reads and writes (the {@link OutboxStore}). */
export interface SweepStore {
  sweptThrough(): Promise<Date>;
  advanceSweep(through: Date): Promise<void>;
  requestsSubmittedBetween(from: Date, to: Date, limit: number): Promise<SweepCandidate[]>;
  resultIdsSubmittedBetween(from: Date, to: Date): Promise<Set<string>>;
  requestsWithText(ids: readonly string[]): Promise<OutboxEntry[]>;
  recordAttempts(
    entries: ReadonlyArray<{ trackingId: string; attempt: number }>,
    at: Date,
  ): Promise<void>;
  giveUp(entries: readonly SweepCandidate[], error: string, completedAt: Date): Promise<void>;
}

/** How a sweep publishes (the {@link OutboxDispatcher}). */
export interface SweepPublisher {
  dispatch(
    requests: readonly PredictionRequest[],
    options?: DispatchOptions,
  ): Promise<DispatchResult>;
}

/** Settings of a sweep. */
export interface SweepLimits {
  /** Most requests republished per sweep (OUTBOX_BATCH_SIZE). */
  batchSize: number;
  /** Publishes after which a request without a result is given up and stored as failed (OUTBOX_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Candidates read per query (tests lower it). */
  pageSize?: number;
  /**
   * How far the cursor stays behind `now`: the longest a request can take from its `submittedAt`
   * stamp to being visible in the database (an insert waiting for its group, busy retries, a slow
   * server). A request stamped after the cursor but stored later is still found (default 0).
   */
  cursorLagMs?: number;
}

/** What one sweep did. */
export interface SweepOutcome {
  /** Requests looked at. */
  scanned: number;
  republished: number;
  confirmed: number;
  failed: number;
  /** Requests stored as failed after too many publishes. */
  gaveUp: number;
  /** True when the sweep stopped early (a full page, or more to republish than one batch). */
  more: boolean;
  /** Submission time of the oldest request found without a result (older than the cutoff), if any. */
  oldestPending?: Date;
}

/**
 * One pass of the outbox sweep over the requests submitted between the shared cursor and `cutoff`.
 * A request without a result whose last publish (submission or republish) is older than `cutoff`
 * is republished with `attempt` + 1 — or, once published `maxAttempts` times (every delivery
 * dead-lettered), stored as `failed`. The cursor then moves forward, but never past a request that
 * is still without a result: a republished message can be dead-lettered again, so the next sweeps
 * look at it until it has a result, nor past `now - cursorLagMs`: an insert stamped before then may
 * not be visible yet. A crash or a refused publish leaves the cursor where it was.
 */
export async function sweepOnce(
  store: SweepStore,
  publisher: SweepPublisher,
  cutoff: Date,
  limits: SweepLimits,
  now = new Date(),
): Promise<SweepOutcome> {
  const outcome: SweepOutcome = {
    scanned: 0,
    republished: 0,
    confirmed: 0,
    failed: 0,
    gaveUp: 0,
    more: false,
  };
  const from = await store.sweptThrough();
  if (from >= cutoff) return outcome;
  const pageSize = limits.pageSize ?? SWEEP_PAGE_MAX;
  const page = await store.requestsSubmittedBetween(from, cutoff, pageSize);
  const { candidates, through: pageEnd } = completeTimestamps(page, pageSize, cutoff);
  outcome.scanned = candidates.length;
  const done =
    candidates.length > 0
      ? await store.resultIdsSubmittedBetween(from, pageEnd)
      : new Set<string>();
  const missing = candidates.filter((candidate) => !done.has(candidate._id));
  if (missing.length > 0) outcome.oldestPending = new Date(missing[0].submittedAt);
  const overdue = missing.filter((candidate) => lastPublish(candidate) < cutoff);
  const due = overdue.slice(0, limits.batchSize);
  const exhausted = due.filter((candidate) => attempts(candidate) >= limits.maxAttempts);
  await store.giveUp(exhausted, GAVE_UP_ERROR, now);
  outcome.gaveUp = exhausted.length;
  const retry = due.filter((candidate) => attempts(candidate) < limits.maxAttempts);
  if (retry.length > 0) {
    const requests = (await store.requestsWithText(retry.map((candidate) => candidate._id))).map(
      republishRequest,
    );
    const result = await publisher.dispatch(requests, { source: 'sweep' });
    Object.assign(outcome, {
      republished: requests.length,
      confirmed: result.confirmed,
      failed: result.failed,
    });
    const attemptOf = new Map(requests.map((request) => [request.trackingId, request.attempt]));
    const confirmed = result.confirmedIds.map((trackingId) => ({
      trackingId,
      attempt: attemptOf.get(trackingId) ?? 1,
    }));
    await store.recordAttempts(confirmed, now);
    if (result.failed > 0) return outcome;
  }
  const given = new Set(exhausted.map((candidate) => candidate._id));
  const pending = missing.find((candidate) => !given.has(candidate._id));
  const reached =
    pending && new Date(pending.submittedAt) < pageEnd ? new Date(pending.submittedAt) : pageEnd;
  // Never past a stamp whose insert may still be in flight: it would land behind the cursor, unswept.
  const visibleBefore = new Date(now.getTime() - (limits.cursorLagMs ?? 0));
  const through = reached < visibleBefore ? reached : visibleBefore;
  if (through > from) await store.advanceSweep(through);
  // Sweep again at once while there is more to publish, or more to read and the cursor moved.
  outcome.more = overdue.length > due.length || (page.length >= pageSize && through > from);
  return outcome;
}

function attempts(candidate: SweepCandidate): number {
  return candidate.publishAttempts ?? 1;
}

function lastPublish(candidate: SweepCandidate): Date {
  return new Date(candidate.republishedAt ?? candidate.submittedAt);
}

/**
 * The candidates of a page whose timestamp is complete, and how far they reach: a full page may
 * have cut the requests of its last millisecond in two, so those wait for the next page (unless
 * the whole page is that one millisecond).
 */
function completeTimestamps(
  page: SweepCandidate[],
  pageSize: number,
  cutoff: Date,
): { candidates: SweepCandidate[]; through: Date } {
  if (page.length < pageSize) return { candidates: page, through: cutoff };
  const last = new Date(page[page.length - 1].submittedAt);
  const before = page.filter((candidate) => new Date(candidate.submittedAt) < last);
  if (before.length > 0) return { candidates: before, through: last };
  return { candidates: page, through: new Date(last.getTime() + 1) };
}

/** The message for an overdue stored request: one more attempt than recorded. */
function republishRequest(entry: OutboxEntry): PredictionRequest {
  return toPredictionRequest(entry, recordedAttempts(entry) + 1);
}
