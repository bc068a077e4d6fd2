import { HttpClient } from '../http/http-client';
import { SampleRecorder } from '../stats/sample-recorder';
import { SubmissionLog } from '../submit/submission-log';
import { LabelledText } from '../texts/labelled-texts';
import { judgePrediction, PredictionSnapshot, toSnapshot } from './prediction-verdict';

/** How the verifier reads results back. */
export interface VerifyOptions {
  /** Parallel GETs in flight. */
  concurrency: number;
  /** `?wait=` of each GET (ms); the gateway caps it at its MAX_WAIT_MS. */
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
  /** Status counts of the verification GETs. */
  statusCounts: Record<string, number>;
  /** A few examples of problems. */
  problems: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads every accepted tracking id back through `GET /v1/predictions/:id?wait=`
 * with bounded concurrency until it is terminal (or the deadline passes), then
 * optionally re-reads it, and judges it against its label.
 */
export class PredictionVerifier {
  /** Ids fully checked so far (for the progress display). */
  checked = 0;
  private readonly statusCounts = new Map<string, number>();

  constructor(
    private readonly client: HttpClient,
    private readonly options: VerifyOptions,
  ) {}

  /** Verifies every id of the log. */
  async verify(log: SubmissionLog, texts: readonly LabelledText[]): Promise<VerificationSummary> {
    const summary: VerificationSummary = {
      total: log.ids.length, done: 0, failed: 0, notFound: 0, pending: 0, lost: 0, wrong: 0, rewritten: 0,
      inconsistent: 0, unreadable: 0, byLanguage: {}, submitToDone: new SampleRecorder(Math.max(16, log.ids.length)),
      completedAt: [], statusCounts: {}, problems: [],
    };
    const languageOfText = new Map<number, string>();
    const problem = (text: string): void => {
      if (summary.problems.length < 20) summary.problems.push(text);
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < log.ids.length) {
        const i = next++;
        const id = log.ids[i];
        const label = texts[log.textIndex[i]]?.lang;
        const first = await this.readTerminal(id);
        if (first === 'unreadable') {
          summary.unreadable++;
          summary.pending++;
          problem(`${id}: unreadable until the deadline`);
          this.checked++;
          continue;
        }
        const reread = this.options.reread && first !== null && first.status !== 'queued' ? await this.readOnce(id) : undefined;
        const verdict = judgePrediction(label, first, reread === 'unreadable' ? undefined : reread);
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
          problem(`${id}: 404 for an accepted id`);
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
        this.checked++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, worker));
    summary.lost = summary.notFound + summary.pending;
    summary.statusCounts = Object.fromEntries([...this.statusCounts.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return summary;
  }

  /**
   * Reads once without waiting (a plain `_id` lookup, the cheapest read for the
   * database), then long-polls with `?wait=` while still queued, until done/failed,
   * 404 (null, after re-checks), the deadline, or unreadable.
   */
  private async readTerminal(id: string): Promise<PredictionSnapshot | null | 'unreadable'> {
    let last: PredictionSnapshot | 'unreadable' = 'unreadable';
    let notFound = 0;
    let first = true;
    for (;;) {
      const remaining = this.options.deadline - Date.now();
      const wait = first ? 0 : Math.max(0, Math.min(this.options.waitMs, remaining));
      first = false;
      const result = await this.readOnce(id, wait);
      if (result === null) {
        // the document is stored before the 202, so a 404 is a loss; re-check to be sure
        if (++notFound >= 3) return null;
        await sleep(250);
        continue;
      }
      if (result !== 'unreadable') {
        last = result;
        if (result.status !== 'queued') return result;
      } else {
        await sleep(200);
      }
      if (remaining <= 0) return last;
    }
  }

  /** One GET: snapshot, null for 404, or 'unreadable' (transport error, 5xx, bad body). */
  private async readOnce(id: string, waitMs = 0): Promise<PredictionSnapshot | null | 'unreadable'> {
    const path = waitMs > 0 ? `/v1/predictions/${id}?wait=${Math.round(waitMs)}` : `/v1/predictions/${id}`;
    try {
      const res = await this.client.request('GET', path);
      this.count(String(res.status));
      if (res.status === 404) return null;
      if (res.status !== 200) return 'unreadable';
      return toSnapshot(res.body);
    } catch (error) {
      this.count((error as NodeJS.ErrnoException).code ?? 'error');
      return 'unreadable';
    }
  }

  private count(status: string): void {
    this.statusCounts.set(status, (this.statusCounts.get(status) ?? 0) + 1);
  }
}
