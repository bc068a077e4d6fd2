import { judgePrediction, PredictionSnapshot, toSnapshot } from './prediction-verdict';

const done: PredictionSnapshot = {
  status: 'done',
  language: 'sv',
  confidence: 0.9,
  submittedAt: '2026-01-01T00:00:00.000Z',
  completedAt: '2026-01-01T00:00:00.025Z',
  modelVersion: 'm1',
};

describe('judgePrediction', () => {
  it('accepts a done prediction with the right language and measures submit→done', () => {
    expect(judgePrediction('sv', done, { ...done })).toEqual({
      outcome: 'done',
      wrong: false,
      rewritten: false,
      submitToDoneMs: 25,
      completedAtMs: Date.parse(done.completedAt as string),
    });
  });

  it('flags a wrong language', () => {
    expect(judgePrediction('de', done).wrong).toBe(true);
    expect(judgePrediction(undefined, done).wrong).toBe(false);
  });

  it('flags a result that changed between reads (written twice)', () => {
    expect(
      judgePrediction('sv', done, { ...done, completedAt: '2026-01-01T00:00:00.030Z' }).rewritten,
    ).toBe(true);
    expect(judgePrediction('sv', done, { ...done, language: 'nb' }).rewritten).toBe(true);
    expect(judgePrediction('sv', done, { ...done, status: 'queued' }).rewritten).toBe(true);
    expect(judgePrediction('sv', done, null).rewritten).toBe(true);
  });

  it('flags a done result without a completion time', () => {
    const v = judgePrediction('sv', { ...done, completedAt: null });
    expect(v.rewritten).toBe(true);
    expect(v.submitToDoneMs).toBeNull();
  });

  it('classifies not found, pending and failed', () => {
    expect(judgePrediction('sv', null).outcome).toBe('not-found');
    expect(judgePrediction('sv', { ...done, status: 'queued', completedAt: null }).outcome).toBe(
      'pending',
    );
    const failed = judgePrediction('sv', { ...done, status: 'failed' });
    expect(failed.outcome).toBe('failed');
    expect(failed.wrong).toBe(false);
  });
});

describe('toSnapshot', () => {
  it('reads a PredictionView and refuses other bodies', () => {
    const s = toSnapshot(JSON.stringify({ ...done, trackingId: 'x', top: [] }));
    expect(s).toEqual(done);
    expect(() => toSnapshot('{"statusCode":404}')).toThrow(/not a PredictionView/);
  });
});
