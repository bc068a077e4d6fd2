import { tinyCorpusSamples } from './tiny-corpus';
import { trainLanguageIdentifier } from './train-language-identifier';
import { DEFAULT_TRAINING_OPTIONS, TrainingOptions } from './training-options';

/** Tiny-corpus training options (every sample trained on, one thread). */
const options: TrainingOptions = {
  ...DEFAULT_TRAINING_OPTIONS,
  vectorizer: { ...DEFAULT_TRAINING_OPTIONS.vectorizer, minDf: 1 },
  heldOutFraction: 0,
  pairStages: [],
  threads: 1,
  corpusSha256: 'tiny',
  modelVersion: 'langid-feedback-test',
};

/** A German-looking text that feedback says is Swedish: what only the feedback can teach. */
const CORRECTED = 'Sie ist schön und der Tag ist gut, sagt Anna heute';

describe('training with feedback', () => {
  it('learns verified feedback weighted above the corpus, never holding it out', async () => {
    const samples = tinyCorpusSamples();
    const plain = await trainLanguageIdentifier(samples, options);
    expect(plain.identifier.predict(CORRECTED).language).toBe('de');
    const feedback = [{ text: CORRECTED, language: 'sv' }];
    const retrained = await trainLanguageIdentifier(samples, {
      ...options,
      feedback: { samples: feedback, weight: 50 },
    });
    expect(retrained.identifier.predict(CORRECTED).language).toBe('sv');
    expect(retrained.trainingSamples).toBe(plain.trainingSamples + 1);
  });

  it('refuses feedback with an unknown label or a weight that is not positive', async () => {
    const samples = tinyCorpusSamples();
    await expect(
      trainLanguageIdentifier(samples, {
        ...options,
        feedback: { samples: [{ text: 'x', language: 'xx' }], weight: 1 },
      }),
    ).rejects.toThrow(/unknown language label/);
    await expect(
      trainLanguageIdentifier(samples, {
        ...options,
        feedback: { samples: [{ text: 'Hej', language: 'sv' }], weight: 0 },
      }),
    ).rejects.toThrow(/feedback weight must be > 0/);
  });
});
