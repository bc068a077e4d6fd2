import { MAX_LOOKUP_IDS } from '@sibyl/contracts';
import { HttpClient } from '../http/http-client';
import { SampleRecorder } from '../stats/sample-recorder';
import { SubmissionLog } from '../submit/submission-log';
import { LabelledText } from '../texts/labelled-texts';
import { judgePrediction, PredictionSnapshot, snapshotOf } from './prediction-verdict';

/** Lookups an id may be unknown in before it counts as not found (the request is stored before the 202). */
const NOT_FOUND_AFTER = 3;

/** How the verifier reads results back. */
export interface VerifyOptions {
  /** Lookup calls in flight. */
  concurrency: number;
  /** Pause between two rounds of lookups while some ids are still queued (ms). */
  waitMs: number;
  /** Give up on ids still queued at this time (epoch ms): they count as lost. */
  deadline: number;
  /** Read every done id a second time and compare (detects results written twice). */
  reread: boolean;
}

/** What the verification found. */
export interface VerificationSummary {
  total: number;
  done: number;
  failed: number;
  /** 404 for an accepted id. */
  notFound: number;
  /** Still queued at the deadline. */
  pending: number;
  /** notFound + pending: accepted and never completed. */
  lost: number;
  /** done with a language other than the label. */
  wrong: number;
  /** Result changed between the two reads, or done without completedAt. */
  rewritten: number;
  /** Same text answered with different languages (a result attached to the wrong id). */
  inconsistent: number;
  /** Ids that could not be read at all (transport errors until the deadline). */
  unreadable: number;
  /** Per expected label: how many done and how many wrong. */
  byLanguage: Record<string, { done: number; wrong: number }>;
  /** submit→done (completedAt − submittedAt) of every done id, ms. */
  submitToDone: SampleRecorder;
  /** completedAt (epoch ms) of every done id. */
  completedAt: number[];
  /** Status counts of the verification lookups. */
  statusCounts: Record<string, number>;
  /** A few examples of problems. */
  problems: string[];
}

/**
 * A summary with nothing verified yet: `total` ids to verify, latency samples sized for
 * `capacity` of them. The report builder uses it (with no ids) when a run skipped verification.
 */
export function emptyVerificationSummary(total = 0, capacity?: number): VerificationSummary {
  return {
    total,
    done: 0,
    failed: 0,
    notFound: 0,
    pending: 0,
    lost: 0,
    wrong: 0,
    rewritten: 0,
    inconsistent: 0,
    unreadable: 0,
    byLanguage: {},
    submitToDone: new SampleRecorder(capacity),
    completedAt: [],
    statusCounts: {},
    problems: [],
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One lookup's answer: snapshots by id and the unknown ids, or 'unreadable'. */
type LookupAnswer = { found: Map<string, PredictionSnapshot>; unknown: Set<string> } | 'unreadable';

/**
 * Reads every accepted tracking id back through `POST /v1/predictions/lookup` (up to
 * {@link MAX_LOOKUP_IDS} ids per call, a few calls in flight), round after round until each is
 * terminal or the deadline passes; then optionally re-reads the finished ones, and judges
 * each against its label. Batched reads keep verification cheap for the database (one query
 * per thousand ids) and work against any deployment.
 */
export class PredictionVerifier {
  /** Ids whose final state is known so far (for the progress display). */
  checked = 0;
  private readonly statusCounts = new Map<string, number>();

  constructor(
    private readonly client: HttpClient,
    private readonly options: VerifyOptions,
  ) {}

  /** Verifies every id of the log. */
  async verify(log: SubmissionLog, texts: readonly LabelledText[]): Promise<VerificationSummary> {
    const summary = emptyVerificationSummary(log.ids.length, Math.max(16, log.ids.length));
    const reads = await this.readUntilTerminal(log.ids);
    const rereads = this.options.reread ? await this.reread(log.ids, reads.terminal) : undefined;
    const languageOfText = new Map<number, string>();
    const problem = (text: string): void => {
      if (summary.problems.length < 20) summary.problems.push(text);
    };
    log.ids.forEach((id, i) => {
      const label = texts[log.textIndex[i]]?.lang;
      const first =
        reads.terminal.get(id) ?? (reads.missing.has(id) ? null : reads.lastSeen.get(id));
      if (first === undefined) {
        summary.unreadable++;
        summary.pending++;
        problem(`${id}: unreadable until the deadline`);
        return;
      }
      const reread = first !== null && first.status !== 'queued' ? rereads?.get(id) : undefined;
      const verdict = judgePrediction(label, first, reread);
      const bucket = (summary.byLanguage[label ?? '?'] ??= { done: 0, wrong: 0 });
      if (verdict.outcome === 'done') {
        summary.done++;
        bucket.done++;
        if (verdict.submitToDoneMs !== null) summary.submitToDone.add(verdict.submitToDoneMs);
        if (verdict.completedAtMs !== null) summary.completedAt.push(verdict.completedAtMs);
        const language = (first as PredictionSnapshot).language ?? '';
        const earlier = languageOfText.get(log.textIndex[i]);
        if (earlier === undefined) languageOfText.set(log.textIndex[i], language);
        else if (earlier !== language) {
          summary.inconsistent++;
          problem(`${id}: text #${log.textIndex[i]} answered ${language}, earlier ${earlier}`);
        }
      } else if (verdict.outcome === 'failed') summary.failed++;
      else if (verdict.outcome === 'not-found') {
        summary.notFound++;
        problem(`${id}: unknown to the gateway although accepted`);
      } else {
        summary.pending++;
        problem(`${id}: still ${(first as PredictionSnapshot).status} at the deadline`);
      }
      if (verdict.wrong) {
        summary.wrong++;
        bucket.wrong++;
      }
      if (verdict.rewritten) {
        summary.rewritten++;
        problem(`${id}: result differs between reads or lacks completedAt`);
      }
    });
    summary.lost = summary.notFound + summary.pending;
    summary.statusCounts = Object.fromEntries(
      [...this.statusCounts.entries()].sort(([a], [b]) => a.localeCompare(b)),
    );
    return summary;
  }

  /**
   * Rounds of lookups over the ids not yet terminal: done/failed ids leave, ids unknown
   * {@link NOT_FOUND_AFTER} times leave as missing, queued ones are asked again after a pause.
   */
  private async readUntilTerminal(ids: readonly string[]): Promise<{
    terminal: Map<string, PredictionSnapshot>;
    lastSeen: Map<string, PredictionSnapshot>;
    missing: Set<string>;
  }> {
    const terminal = new Map<string, PredictionSnapshot>();
    const lastSeen = new Map<string, PredictionSnapshot>();
    const missing = new Set<string>();
    const unknownCount = new Map<string, number>();
    let open = [...ids];
    while (open.length > 0) {
      await this.lookupAll(open, (id, snapshot) => {
        if (snapshot === null) {
          const count = (unknownCount.get(id) ?? 0) + 1;
          unknownCount.set(id, count);
          if (count >= NOT_FOUND_AFTER) missing.add(id);
        } else if (snapshot.status === 'queued') lastSeen.set(id, snapshot);
        else terminal.set(id, snapshot);
      });
      open = open.filter((id) => !terminal.has(id) && !missing.has(id));
      this.checked = terminal.size + missing.size;
      if (open.length === 0 || Date.now() >= this.options.deadline) break;
      await sleep(this.options.waitMs);
    }
    return { terminal, lastSeen, missing };
  }

  /** Second read of every finished id (a result written twice would differ). */
  private async reread(
    ids: readonly string[],
    terminal: Map<string, PredictionSnapshot>,
  ): Promise<Map<string, PredictionSnapshot | null>> {
    const again = new Map<string, PredictionSnapshot | null>();
    await this.lookupAll(
      ids.filter((id) => terminal.has(id)),
      (id, snapshot) => again.set(id, snapshot),
    );
    return again;
  }

  /** Looks up every id in chunks, `concurrency` calls at a time; unreadable chunks report nothing. */
  private async lookupAll(
    ids: readonly string[],
    visit: (id: string, snapshot: PredictionSnapshot | null) => void,
  ): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const chunk = ids.slice(next, next + MAX_LOOKUP_IDS);
        next += MAX_LOOKUP_IDS;
        const answer = await this.lookup(chunk);
        if (answer === 'unreadable') continue;
        for (const id of chunk) {
          const snapshot = answer.found.get(id);
          if (snapshot) visit(id, snapshot);
          else if (answer.unknown.has(id)) visit(id, null);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, worker));
  }

  /** One lookup call. */
  private async lookup(ids: readonly string[]): Promise<LookupAnswer> {
    try {
      const res = await this.client.request(
        'POST',
        '/v1/predictions/lookup',
        JSON.stringify({ trackingIds: ids }),
      );
      this.count(String(res.status));
      if (res.status !== 200) return 'unreadable';
      const body = JSON.parse(res.body) as {
        items: Array<{ trackingId: string }>;
        unknown: string[];
      };
      const found = new Map(body.items.map((item) => [item.trackingId, snapshotOf(item)]));
      return { found, unknown: new Set(body.unknown) };
    } catch (error) {
      this.count((error as NodeJS.ErrnoException).code ?? 'error');
      return 'unreadable';
    }
  }

  private count(status: string): void {
    this.statusCounts.set(status, (this.statusCounts.get(status) ?? 0) + 1);
  }
}
