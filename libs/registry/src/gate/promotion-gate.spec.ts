import type { ModelMetrics } from '../model-record';
import { metricDeltas, promotionGate } from './promotion-gate';

/** Metrics with the given held-out accuracy and per-language F1. */
function metrics(heldOutAccuracy: number, perLanguageF1: Record<string, number>): ModelMetrics {
  return { heldOutAccuracy, macroF1: heldOutAccuracy - 0.01, perLanguageF1 };
}

describe('promotion gate', () => {
  const live = { version: 'langid-live', metrics: metrics(0.95, { en: 0.96, sv: 0.94 }) };

  it('passes any candidate with a held-out accuracy when nothing is live', () => {
    const decision = promotionGate({ version: 'c', metrics: metrics(0.1, {}) }, null, 0.002);
    expect(decision).toEqual({ allowed: true, deltas: null, margin: 0.002 });
  });

  it('refuses a candidate more than the margin below the live model, with per-language deltas', () => {
    const worse = { version: 'c', metrics: metrics(0.94, { en: 0.97, sv: 0.9, de: 0.5 }) };
    const decision = promotionGate(worse, live, 0.002);
    expect(decision.allowed).toBe(false);
    expect(decision.deltas?.against).toBe('langid-live');
    expect(decision.deltas?.heldOutAccuracy).toBeCloseTo(-0.01, 10);
    expect(decision.deltas?.perLanguageF1.en).toBeCloseTo(0.01, 10);
    expect(decision.deltas?.perLanguageF1.sv).toBeCloseTo(-0.04, 10);
    expect(decision.deltas?.perLanguageF1.de).toBeCloseTo(0.5, 10);
    expect(Object.keys(decision.deltas?.perLanguageF1 ?? {})).toEqual(['de', 'en', 'sv']);
  });

  it('accepts a drop of exactly the margin and any improvement', () => {
    expect(promotionGate({ version: 'c', metrics: metrics(0.948, {}) }, live, 0.002).allowed).toBe(
      true,
    );
    expect(promotionGate({ version: 'c', metrics: metrics(0.96, {}) }, live, 0).allowed).toBe(true);
    expect(promotionGate({ version: 'c', metrics: metrics(0.9499, {}) }, live, 0).allowed).toBe(
      false,
    );
  });

  it('refuses a candidate without a finite accuracy and rejects a negative margin', () => {
    expect(promotionGate({ version: 'c', metrics: metrics(NaN, {}) }, live, 1).allowed).toBe(false);
    expect(() => promotionGate(live, null, -1)).toThrow(RangeError);
  });

  it('reports UDHR accuracy deltas only when both models have them', () => {
    const udhr = (accuracy: number) => ({ n: 10, accuracy, macroF1: accuracy });
    const a = { ...metrics(0.9, {}), udhrSentences: udhr(0.8), udhrParagraphs: udhr(0.9) };
    const b = { ...metrics(0.9, {}), udhrSentences: udhr(0.7) };
    const deltas = metricDeltas(a, b, 'b');
    expect(deltas.udhrSentences).toBeCloseTo(0.1, 10);
    expect(deltas).not.toHaveProperty('udhrParagraphs');
  });
});
