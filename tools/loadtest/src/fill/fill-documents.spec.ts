import { filledPair, FILL_MODEL_VERSION } from './fill-documents';
import { copyId } from './storage-multiply';

describe('filledPair', () => {
  const submittedAt = new Date('2026-01-01T00:00:00Z');
  const pair = filledPair({ text: 'Bonjour à tous', lang: 'fr' }, submittedAt, 'owner', [
    'en',
    'fr',
    'de',
    'es',
  ]);

  it('gives the request and its result one id, the text, owner and submission time', () => {
    expect(pair.request).toMatchObject({
      _id: pair.result._id,
      text: 'Bonjour à tous',
      submittedAt,
      publishAttempts: 1,
      owner: 'owner',
    });
    expect(pair.request._id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('stores a done result with the true language first and three candidates', () => {
    expect(pair.result).toMatchObject({
      status: 'done',
      language: 'fr',
      modelVersion: FILL_MODEL_VERSION,
      error: null,
      feedback: null,
    });
    const top = pair.result.top as Array<{ language: string; score: number }>;
    expect(top.map((t) => t.language)).toEqual(['fr', 'en', 'de']);
    expect((pair.result.completedAt as Date).getTime()).toBeGreaterThan(submittedAt.getTime());
  });
});

describe('copyId', () => {
  it('keeps the UUID shape and puts the copy number in the last group', () => {
    const seed = '116d1512-856c-49a8-88e2-4b1f0c9e2a77';
    expect(copyId(seed, 1)).toBe('116d1512-856c-49a8-88e2-000000000001');
    expect(copyId(seed, 499)).toBe('116d1512-856c-49a8-88e2-0000000001f3');
    expect(copyId(seed, 499)).toHaveLength(seed.length);
  });
});
