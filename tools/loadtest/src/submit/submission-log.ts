import { LogHistogram } from '../stats/log-histogram';
import { SampleRecorder } from '../stats/sample-recorder';

/** Everything the submit phase observed, in compact arrays. */
export class SubmissionLog {
  /** Accepted tracking ids, in acceptance order. */
  readonly ids: string[] = [];
  /** Index into the labelled texts of each accepted id. */
  readonly textIndex: number[] = [];
  /** HTTP round-trip times of the submit requests (ms). */
  readonly httpLatency = new SampleRecorder(4096);
  /** Same, for the live display. */
  readonly liveHttpLatency = new LogHistogram();
  /** Count per HTTP status (`202`, `503`, …) or transport error (`ECONNRESET`, `timeout`). */
  readonly statusCounts = new Map<string, number>();
  /** A few error answers, to show what went wrong. */
  readonly errorSamples: string[] = [];
  /** Tracking ids the gateway handed out more than once. */
  duplicateIds = 0;
  requestsSent = 0;
  requestsAnswered = 0;
  /** Arrivals not sent because the in-flight cap was reached (open model only). */
  clientDropped = 0;
  private readonly seen = new Set<string>();

  /** Number of requests sent and not yet answered. */
  get inFlight(): number {
    return this.requestsSent - this.requestsAnswered;
  }

  /** Records one accepted prediction; a repeated id counts as a duplicate and is not re-verified. */
  accept(trackingId: string, textIndex: number): void {
    if (this.seen.has(trackingId)) {
      this.duplicateIds++;
      return;
    }
    this.seen.add(trackingId);
    this.ids.push(trackingId);
    this.textIndex.push(textIndex);
  }

  /** Counts an answer status or error kind. */
  count(status: string): void {
    this.statusCounts.set(status, (this.statusCounts.get(status) ?? 0) + 1);
  }

  /** Keeps the first few error descriptions. */
  sampleError(description: string): void {
    if (this.errorSamples.length < 10) this.errorSamples.push(description.slice(0, 300));
  }

  /** Status counts as a plain sorted object. */
  statusCountsObject(): Record<string, number> {
    return Object.fromEntries(
      [...this.statusCounts.entries()].sort(([a], [b]) => a.localeCompare(b)),
    );
  }
}
