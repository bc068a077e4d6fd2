import {
  sampledIn,
  SHADOW_TEXT_CHARS,
  type LiveOutcomeLookup,
  type ShadowRun,
  type ShadowRuns,
} from '@sibyl/registry';
import { parsePredictionRequestedV1 } from '@sibyl/contracts';
import type { ServedModel } from '../model/serving-model';
import type { ShadowMetrics } from './shadow.metrics';

/** What became of one shadow copy. */
export type ShadowOutcome =
  | { kind: 'dead-letter'; reason: string }
  /** Outside the sample, the run no longer active, or beyond its max: acknowledged, not stored. */
  | { kind: 'skipped'; why: 'not-sampled' | 'inactive' | 'over-max' }
  /** Stored; `count` is the run's prediction count including it. */
  | { kind: 'stored'; count: number };

/** Per-process agreement tally of the immediate comparisons (for the gauge). */
interface Tally {
  agreed: number;
  compared: number;
}

/**
 * Classifies one shadow copy with the candidate and stores it in `shadow_results`: checks size and
 * shape (a broken copy is dead-lettered with its reason, like the live path), keeps only the run's
 * sample (a hash of the tracking id), counts it against the run's `max`, and records the live result
 * beside it when that is already stored (else the report looks it up later). Never touches
 * `prediction_results` and publishes nothing: clients never see a shadow prediction.
 */
export class ShadowEvaluator {
  private readonly tally = new Map<string, Tally>();
  /** This process's count increments, one at a time (FerretDB's `$inc` is not isolated). */
  private counting: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly runs: Pick<ShadowRuns, 'countPrediction' | 'record'>,
    private readonly lookupLive: LiveOutcomeLookup,
    private readonly metrics: ShadowMetrics,
    private readonly maxMessageBytes: number,
  ) {}

  /** Evaluates one copy of run `run` with the candidate `candidate`. Rejects on a database error. */
  async evaluate(body: Buffer, run: ShadowRun, candidate: ServedModel): Promise<ShadowOutcome> {
    if (body.length > this.maxMessageBytes) {
      return {
        kind: 'dead-letter',
        reason: `body of ${body.length} bytes exceeds MAX_MESSAGE_BYTES (${this.maxMessageBytes})`,
      };
    }
    const parsed = parsePredictionRequestedV1(body);
    if (!parsed.ok) return { kind: 'dead-letter', reason: parsed.reason };
    const { trackingId, text } = parsed.value;
    if (!sampledIn(trackingId, run.sample)) {
      this.metrics.skipped.inc({ version: run.version });
      return { kind: 'skipped', why: 'not-sampled' };
    }
    const count = await this.countPrediction(run.runId);
    if (count === null) return { kind: 'skipped', why: 'inactive' };
    if (count > run.max) return { kind: 'skipped', why: 'over-max' };
    const { language, confidence } = candidate.model.predict(text);
    const live = (await this.lookupLive([trackingId])).get(trackingId);
    await this.runs.record({
      _id: `${run.runId}:${trackingId}`,
      runId: run.runId,
      trackingId,
      version: run.version,
      text: text.slice(0, SHADOW_TEXT_CHARS),
      language,
      confidence,
      at: new Date(),
      ...(live ? { live } : {}),
    });
    this.metrics.predictions.inc({ version: run.version });
    this.compare(run.version, language, live?.language);
    return { kind: 'stored', count };
  }

  private countPrediction(runId: string): Promise<number | null> {
    const next = this.counting.then(() => this.runs.countPrediction(runId));
    this.counting = next.catch(() => undefined);
    return next;
  }

  private compare(version: string, candidate: string, live: string | undefined): void {
    if (live === undefined) {
      this.metrics.comparisons.inc({ version, outcome: 'pending' });
      return;
    }
    const agreed = live === candidate;
    this.metrics.comparisons.inc({ version, outcome: agreed ? 'agreed' : 'disagreed' });
    const tally = this.tally.get(version) ?? { agreed: 0, compared: 0 };
    tally.compared += 1;
    if (agreed) tally.agreed += 1;
    this.tally.set(version, tally);
    this.metrics.agreement.set({ version }, tally.agreed / tally.compared);
  }
}
