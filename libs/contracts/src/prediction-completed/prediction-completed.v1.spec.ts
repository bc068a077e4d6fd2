import { randomUUID } from 'node:crypto';
import { PredictionStatus } from '../rest/prediction.view';
import {
  CompletedPrediction,
  encodePredictionCompletedV1,
  parsePredictionCompletedV1,
} from './prediction-completed.v1';

describe('prediction.completed.v1', () => {
  const done: CompletedPrediction = {
    trackingId: randomUUID(),
    owner: 'key-1',
    status: PredictionStatus.Done,
    language: 'sv',
    confidence: 0.97,
    modelVersion: 'm1',
  };
  const failed: CompletedPrediction = {
    trackingId: randomUUID(),
    status: PredictionStatus.Failed,
    language: null,
    confidence: null,
    modelVersion: 'm1',
  };
  const at = new Date('2026-01-02T03:04:05.000Z');

  it('round-trips a batch through encode and parse', () => {
    expect(parsePredictionCompletedV1(encodePredictionCompletedV1(at, [done, failed]))).toEqual({
      ok: true,
      value: { v: 1, completedAt: at.toISOString(), items: [done, failed] },
    });
  });

  it('drops unusable items but keeps the others', () => {
    const body = JSON.stringify({
      v: 1,
      completedAt: at.toISOString(),
      items: [done, { trackingId: 5 }, { ...failed, status: 'queued' }, null],
    });
    expect(parsePredictionCompletedV1(body)).toEqual({
      ok: true,
      value: expect.objectContaining({ items: [done] }),
    });
  });

  it.each([
    ['not JSON', '{nope', /not JSON/],
    ['an array', '[]', /not a JSON object/],
    ['another version', JSON.stringify({ v: 2, completedAt: at, items: [] }), /v:/],
    ['a bad date', JSON.stringify({ v: 1, completedAt: 'later', items: [] }), /completedAt/],
    ['no items', JSON.stringify({ v: 1, completedAt: at }), /items/],
    ['only bad items', JSON.stringify({ v: 1, completedAt: at, items: [{}] }), /items/],
  ])('refuses %s with a reason', (_name, body, reason) => {
    const parsed = parsePredictionCompletedV1(body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.reason).toMatch(reason);
  });
});
