import { performance } from 'node:perf_hooks';
import { HttpClient } from '../http/http-client';
import { LabelledText } from '../texts/labelled-texts';
import { SubmissionLog } from './submission-log';

/** How requests are shaped. */
export interface SubmitterOptions {
  /** Texts per request: 1 = `POST /v1/predictions`, > 1 = `POST /v1/predictions/batch`. */
  submitBatch: number;
}

/**
 * Sends prediction requests built from the labelled texts and records the answers
 * in a {@link SubmissionLog}. Request k carries predictions k·b … k·b + b − 1, whose
 * texts follow the given (shuffled) order round-robin. Never rejects: failures are
 * counted by status.
 */
export class PredictionSubmitter {
  constructor(
    private readonly client: HttpClient,
    private readonly texts: readonly LabelledText[],
    private readonly order: Int32Array,
    private readonly options: SubmitterOptions,
    readonly log: SubmissionLog = new SubmissionLog(),
  ) {}

  /** Label index of prediction number `n`. */
  textIndexOf(n: number): number {
    return this.order[n % this.order.length];
  }

  /** Sends request number `requestIndex` and records its outcome. */
  async submit(requestIndex: number): Promise<void> {
    const batch = this.options.submitBatch;
    const first = requestIndex * batch;
    const indexes = Array.from({ length: batch }, (_, k) => this.textIndexOf(first + k));
    const body =
      batch === 1
        ? JSON.stringify({ text: this.texts[indexes[0]].text })
        : JSON.stringify({ texts: indexes.map((i) => this.texts[i].text) });
    const path = batch === 1 ? '/v1/predictions' : '/v1/predictions/batch';
    this.log.requestsSent++;
    const started = performance.now();
    try {
      const res = await this.client.request('POST', path, body);
      const ms = performance.now() - started;
      this.log.httpLatency.add(ms);
      this.log.liveHttpLatency.add(ms);
      this.log.count(String(res.status));
      if (res.status !== 202) {
        this.log.sampleError(`${res.status} ${path}: ${res.body}`);
        return;
      }
      this.recordAccepted(res.body, indexes, path);
    } catch (error) {
      const kind =
        (error as NodeJS.ErrnoException).code ??
        ((error as Error).message.startsWith('timeout') ? 'timeout' : 'error');
      this.log.count(kind);
      this.log.sampleError(`${kind} ${path}: ${(error as Error).message}`);
    } finally {
      this.log.requestsAnswered++;
    }
  }

  private recordAccepted(body: string, indexes: number[], path: string): void {
    let parsed: { trackingId?: unknown; items?: { trackingId?: unknown }[] };
    try {
      parsed = JSON.parse(body);
    } catch {
      this.log.count('202-unparseable');
      this.log.sampleError(`202 ${path} with a body that is not JSON: ${body}`);
      return;
    }
    const ids =
      indexes.length === 1 && parsed.items === undefined
        ? [parsed.trackingId]
        : (parsed.items ?? []).map((i) => i.trackingId);
    if (ids.length !== indexes.length || ids.some((id) => typeof id !== 'string')) {
      this.log.count('202-malformed');
      this.log.sampleError(`202 ${path} without ${indexes.length} tracking ids: ${body}`);
      return;
    }
    ids.forEach((id, k) => this.log.accept(id as string, indexes[k]));
  }
}
