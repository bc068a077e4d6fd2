import { Alphabet } from '../features/alphabet';
import { TfidfVectorizer } from '../features/tfidf-vectorizer';
import { trainPairClassifier, trainPairStage } from '../training/pair-training';
import { DEFAULT_VECTORIZER_OPTIONS } from '../training/training-options';
import { PairClassifier, PairStageIndex, applyPairStages } from './pair-classifier';

const HR = ['tko je to rekao', 'vrijeme je za rad', 'mjesto i vrijeme', 'svatko ima pravo'];
const SR = ['ko je to rekao', 'vreme je za rad', 'mesto i vreme', 'svako ima pravo'];

function pair(): PairClassifier {
  return trainPairClassifier([...HR, ...SR], Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1]), {
    languages: ['hr', 'sr'],
    vectorizer: { ...DEFAULT_VECTORIZER_OPTIONS, minDf: 1 },
    alpha: 0.1,
  });
}

describe('trainPairClassifier', () => {
  it('learns log-likelihood ratios: positive for the first language, negative for the second', () => {
    const classifier = pair();
    expect(classifier.score('vrijeme i mjesto')).toBeGreaterThan(0);
    expect(classifier.score('vreme i mesto')).toBeLessThan(0);
    expect(classifier.score('ko ima vreme')).toBeLessThan(0);
  });

  it('trains a stage from mixed samples: its two languages only, Serbian Cyrillic in Latin', () => {
    const samples = [
      ...HR.map((text) => ({ text, language: 'hr' })),
      ...['ко је то рекао', 'време је за рад', 'место и време', 'свако има право'].map((text) => ({
        text,
        language: 'sr',
      })),
      { text: 'Guten Morgen', language: 'de' },
    ];
    const train = (from: typeof samples) =>
      trainPairStage(
        from,
        { languages: ['hr', 'sr'], alpha: 0.1 },
        { ...DEFAULT_VECTORIZER_OPTIONS, minDf: 1 },
      );
    const stage = train(samples);
    expect(stage.languages).toEqual(['hr', 'sr']);
    expect(stage.score('vrijeme i mjesto')).toBeGreaterThan(0);
    expect(stage.score('vreme i mesto')).toBeLessThan(0);
    expect(stage.score('svako ima pravo')).toBeLessThan(0);
    expect(stage.weights).toEqual(train(samples.filter((s) => s.language !== 'de')).weights);
  });

  it('scores in one pass what the TF-IDF vector and the weights give', () => {
    const classifier = pair();
    const buffer = { indices: new Int32Array(8), values: new Float32Array(8) };
    for (const text of [...HR, ...SR, 'Tko zna, ko zna?']) {
      const nnz = classifier.vectorizer.vectorize(text, buffer);
      let expected = classifier.intercept;
      for (let i = 0; i < nnz; i++)
        expected += buffer.values[i] * classifier.weights[buffer.indices[i]];
      expect(classifier.score(text)).toBeCloseTo(expected, 5);
    }
  });

  it('gives NaN for text without a known feature', () => {
    expect(pair().score('日本語')).toBeNaN();
  });

  it('refuses weights that do not match the features', () => {
    const vectorizer = new TfidfVectorizer(
      DEFAULT_VECTORIZER_OPTIONS,
      new Alphabet(),
      new Float64Array(2),
      new Float32Array(2),
    );
    expect(() => new PairClassifier(['hr', 'sr'], vectorizer, new Float32Array(3), 0)).toThrow(
      RangeError,
    );
  });
});

describe('applyPairStages', () => {
  const classes = ['da', 'hr', 'sr'];
  const stages = (): PairStageIndex[] => [{ classifier: pair(), first: 1, second: 2 }];

  it('swaps the two best when they are the pair and the stage disagrees', () => {
    const probabilities = Float64Array.from([0.1, 0.3, 0.6]);
    expect(applyPairStages(stages(), 'vrijeme i mjesto', probabilities)).toBe(true);
    expect([...probabilities]).toEqual([0.1, 0.6, 0.3]);
  });

  it('keeps the order when the stage agrees', () => {
    const probabilities = Float64Array.from([0.1, 0.3, 0.6]);
    applyPairStages(stages(), 'vreme i mesto', probabilities);
    expect([...probabilities]).toEqual([0.1, 0.3, 0.6]);
  });

  it('is not consulted when the two best are not the pair', () => {
    const probabilities = Float64Array.from([0.6, 0.1, 0.3]);
    expect(applyPairStages(stages(), 'vrijeme i mjesto', probabilities)).toBe(false);
    expect([...probabilities]).toEqual([0.6, 0.1, 0.3]);
    expect(classes).toHaveLength(3);
  });
});
