import type { EvaluationSummary, MetricDeltas, ModelMetrics } from '../model-record';

/** Accuracy differences smaller than this are rounding noise, not a drop. */
const FLOAT_TOLERANCE = 1e-9;

/** A model as the gate sees it. */
export interface GatedModel {
  version: string;
  metrics: ModelMetrics;
}

/** The gate's answer for one candidate. */
export interface GateDecision {
  allowed: boolean;
  /** Candidate minus live; null when no model is live (the first promotion always passes). */
  deltas: MetricDeltas | null;
  /** The allowed held-out accuracy drop that was applied. */
  margin: number;
}

/**
 * Metric deltas `candidate − reference` (positive = the candidate is better), per language over
 * the union of both models' languages, a language a model lacks counting as F1 0.
 */
export function metricDeltas(
  candidate: ModelMetrics,
  reference: ModelMetrics,
  against: string,
): MetricDeltas {
  const languages = [
    ...new Set([...Object.keys(candidate.perLanguageF1), ...Object.keys(reference.perLanguageF1)]),
  ].sort();
  const perLanguageF1: Record<string, number> = {};
  for (const language of languages) {
    perLanguageF1[language] =
      (candidate.perLanguageF1[language] ?? 0) - (reference.perLanguageF1[language] ?? 0);
  }
  const deltas: MetricDeltas = {
    against,
    heldOutAccuracy: candidate.heldOutAccuracy - reference.heldOutAccuracy,
    macroF1: candidate.macroF1 - reference.macroF1,
    perLanguageF1,
  };
  const sentences = accuracyDelta(candidate.udhrSentences, reference.udhrSentences);
  if (sentences !== undefined) deltas.udhrSentences = sentences;
  const paragraphs = accuracyDelta(candidate.udhrParagraphs, reference.udhrParagraphs);
  if (paragraphs !== undefined) deltas.udhrParagraphs = paragraphs;
  return deltas;
}

function accuracyDelta(
  candidate: EvaluationSummary | undefined,
  reference: EvaluationSummary | undefined,
): number | undefined {
  return candidate && reference ? candidate.accuracy - reference.accuracy : undefined;
}

/**
 * The promotion gate: a candidate whose held-out accuracy is below the live model's by more
 * than `margin` is refused. With no live model every candidate passes; a candidate without a
 * finite held-out accuracy never does (only a forced promotion takes it).
 */
export function promotionGate(
  candidate: GatedModel,
  live: GatedModel | null,
  margin: number,
): GateDecision {
  if (!Number.isFinite(margin) || margin < 0) {
    throw new RangeError(`promotion margin must be a number >= 0, got ${margin}`);
  }
  if (!live)
    return { allowed: Number.isFinite(candidate.metrics.heldOutAccuracy), deltas: null, margin };
  const deltas = metricDeltas(candidate.metrics, live.metrics, live.version);
  const allowed =
    Number.isFinite(deltas.heldOutAccuracy) && deltas.heldOutAccuracy >= -margin - FLOAT_TOLERANCE;
  return { allowed, deltas, margin };
}
