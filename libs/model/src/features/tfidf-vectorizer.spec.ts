import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_NORMALIZATION, SKLEARN_CHAR_NORMALIZATION } from '../text/text-normalizer';
import { SparseMatrix } from './sparse-matrix';
import { fitTfidfVectorizer } from './tfidf-fitting';
import { TfidfVectorizer, VectorizerOptions } from './tfidf-vectorizer';

interface VectorizerFixture {
  train: string[];
  test: string[];
  idf: Record<string, number>;
  trainRows: Record<string, number>[];
  testRows: Record<string, number>[];
}

function loadFixture(name: string): VectorizerFixture {
  return JSON.parse(
    readFileSync(join(__dirname, '__fixtures__', name), 'utf8'),
  ) as VectorizerFixture;
}

const SKLEARN_CHAR: VectorizerOptions = {
  normalization: SKLEARN_CHAR_NORMALIZATION,
  ngramMin: 2,
  ngramMax: 3,
  wordUnigrams: false,
  sublinearTf: false,
  minDf: 1,
  wordWeight: 1,
};

/** What the model fixture changes from the analyzer defaults (the parameters it was generated with). */
const MODEL_FEATURES: VectorizerOptions = {
  ...SKLEARN_CHAR,
  normalization: DEFAULT_NORMALIZATION,
  wordUnigrams: true,
  sublinearTf: true,
  minDf: 2,
};

/** Feature index of a scikit-learn term; word terms carry the fixture's `w:` prefix. */
function indexOf(vectorizer: TfidfVectorizer, term: string): number {
  return term.startsWith('w:')
    ? vectorizer.indexOfWord(term.slice(2))
    : vectorizer.indexOfNgram(term);
}

function expectRowsToMatch(
  vectorizer: TfidfVectorizer,
  matrix: SparseMatrix,
  expected: Record<string, number>[],
): void {
  expect(matrix.rows).toBe(expected.length);
  expected.forEach((row, r) => {
    const actual = new Map<number, number>();
    for (let k = matrix.indptr[r]; k < matrix.indptr[r + 1]; k++)
      actual.set(matrix.indices[k], matrix.values[k]);
    expect(actual.size).toBe(Object.keys(row).length);
    for (const [term, value] of Object.entries(row)) {
      const index = indexOf(vectorizer, term);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(actual.get(index)).toBeCloseTo(value, 6);
    }
  });
}

describe.each([
  ['scikit-learn char analyzer defaults', loadFixture('tfidf-char.json'), SKLEARN_CHAR],
  [
    'model normalization, words, sublinear tf, min_df=2',
    loadFixture('tfidf-model.json'),
    MODEL_FEATURES,
  ],
])('TfidfVectorizer against scikit-learn: %s', (_name, fixture, options) => {
  const { vectorizer, matrix } = fitTfidfVectorizer(fixture.train, options);

  it('learns the same vocabulary and idf', () => {
    expect(vectorizer.featureCount).toBe(Object.keys(fixture.idf).length);
    for (const [term, idf] of Object.entries(fixture.idf)) {
      const index = indexOf(vectorizer, term);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(vectorizer.idf[index]).toBeCloseTo(idf, 5);
    }
  });

  it('produces the same L2-normalized training rows', () => {
    expectRowsToMatch(vectorizer, matrix, fixture.trainRows);
  });

  it('transforms unseen texts the same way, ignoring unknown features', () => {
    expectRowsToMatch(vectorizer, vectorizer.transform(fixture.test), fixture.testRows);
  });
});

describe('TfidfVectorizer', () => {
  it('returns an empty vector when no feature of the text is known', () => {
    const { vectorizer } = fitTfidfVectorizer(['abc abc', 'abd'], SKLEARN_CHAR);
    const matrix = vectorizer.transform(['xyz', '']);
    expect(Array.from(matrix.indptr)).toEqual([0, 0, 0]);
  });

  it('rejects an n-gram range the keys cannot encode', () => {
    expect(() => fitTfidfVectorizer(['a'], { ...SKLEARN_CHAR, ngramMax: 4 })).toThrow(RangeError);
  });
});
