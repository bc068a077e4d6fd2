import { fitTfidfVectorizer } from '../features/tfidf-fitting';
import { quantizeModel } from '../training/weight-quantization';
import { DEFAULT_VECTORIZER_OPTIONS } from '../training/training-options';
import { TINY_CORPUS } from '../training/tiny-corpus';
import { decisionValues } from '../svm/linear-model';
import { trainOneVsRest } from '../svm/one-vs-rest';
import { FastScorer } from './fast-scorer';

const texts = Object.values(TINY_CORPUS).flat();
const labels = Int32Array.from(Object.values(TINY_CORPUS).flatMap((list, k) => list.map(() => k)));
const PROBES = [
  ...texts,
  'Ünïcödé — mixed 123 scripts: Привет, 世界! e\u0301 𝒜𝒷𝒸 🙂 end',
  '   leading and trailing   ',
  'x',
  'one averyveryveryveryveryveryveryverylongwordthatexceedsthirtytwocodepoints two three',
  '日本語のテキストとEnglish words together',
  'averyveryveryveryveryveryveryverylongwordthatexceedsthirtytwocodepoints and short',
  '',
  '!!! 42 ...',
  '\u0301\u0302 marks only',
  '\ud800 lone surrogate \udc00 here',
];

describe.each([
  ['char 1–3-grams + words, sublinear tf', { ...DEFAULT_VECTORIZER_OPTIONS, minDf: 1 }],
  [
    'char 2–3-grams only',
    {
      ...DEFAULT_VECTORIZER_OPTIONS,
      minDf: 1,
      ngramMin: 2,
      wordUnigrams: false,
      sublinearTf: false,
    },
  ],
  [
    'char 2–3-grams + words + word pairs',
    { ...DEFAULT_VECTORIZER_OPTIONS, minDf: 1, wordBigrams: true },
  ],
  [
    'char 2–3-grams + word pairs only',
    { ...DEFAULT_VECTORIZER_OPTIONS, minDf: 1, wordUnigrams: false, wordBigrams: true },
  ],
  [
    'char 2-grams + weighted words',
    { ...DEFAULT_VECTORIZER_OPTIONS, minDf: 1, ngramMin: 2, ngramMax: 2, wordWeight: 0.5 },
  ],
])('FastScorer equals vectorize + decisionValues (%s)', (_name, options) => {
  const { vectorizer, matrix } = fitTfidfVectorizer(texts, options);
  const float = trainOneVsRest(matrix, labels, 6, {
    C: 1,
    bias: 1,
    tolerance: 0.01,
    maxIterations: 1000,
    seed: 3,
  });

  it.each([
    ['float32', float],
    ['int8', quantizeModel(float)],
  ])('with %s weights', (_kind, model) => {
    const fast = new FastScorer(vectorizer, model);
    const buffer = { indices: new Int32Array(8), values: new Float32Array(8) };
    const expected = new Float64Array(6);
    const actual = new Float64Array(6);
    for (const probe of PROBES) {
      const nnz = vectorizer.vectorize(probe, buffer);
      expect(fast.score(probe, actual)).toBe(nnz);
      expect(fast.hadLetter).toBe(vectorizer.lastHadLetter);
      if (nnz === 0) continue;
      decisionValues(model, buffer.indices, buffer.values, nnz, expected);
      for (let k = 0; k < 6; k++) expect(actual[k]).toBeCloseTo(expected[k], 5);
    }
  });
});
