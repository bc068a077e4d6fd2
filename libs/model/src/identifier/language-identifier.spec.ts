import { LanguageIdentifier } from './language-identifier';
import { trainTinyModel } from '../testing';

describe('LanguageIdentifier (tiny model)', () => {
  let model: LanguageIdentifier;

  beforeAll(async () => {
    model = (await trainTinyModel()).identifier;
  });

  it('identifies the six tiny-corpus languages on unseen sentences', () => {
    const cases: Array<[string, string]> = [
      ['Jag tycker om att läsa böcker på kvällen.', 'sv'],
      ['أحب قراءة الكتب في المساء.', 'ar'],
      ['夜に本を読むのが好きです。', 'ja'],
      ['Я люблю читать книги по вечерам.', 'ru'],
      ['I like reading books in the evening.', 'en'],
      ['Ich lese abends gern Bücher.', 'de'],
    ];
    for (const [text, language] of cases) expect(model.predict(text).language).toBe(language);
  });

  it('returns a calibrated confidence and the top three candidates, best first', () => {
    const prediction = model.predict('Det är en fin dag i dag.');
    expect(prediction.top).toHaveLength(3);
    expect(prediction.top[0]).toEqual({
      language: prediction.language,
      score: prediction.confidence,
    });
    expect(prediction.top[0].score).toBeGreaterThanOrEqual(prediction.top[1].score);
    expect(prediction.top[1].score).toBeGreaterThanOrEqual(prediction.top[2].score);
    const sum = prediction.top.reduce((total, candidate) => total + candidate.score, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-9);
    expect(prediction.confidence).toBeGreaterThan(0.5);
    expect(model.predict('Hallo Welt', { topN: 6 }).top).toHaveLength(6);
  });

  it.each([
    ['an empty text', ''],
    ['white space', ' \n\t '],
    ['digits and punctuation', '12345 !!! 3.14'],
    ['emoji and symbols', '🙂 → ©'],
    ['letters the model has never seen', 'ⴰⵣⵓⵍ'],
  ])('answers und for %s and never throws', (_name, text) => {
    expect(model.predict(text)).toEqual({ language: 'und', confidence: 0, top: [] });
  });

  it('predicts many texts in order, like predict', () => {
    const texts = ['Guten Morgen zusammen', '', 'Доброе утро всем'];
    expect(model.predictMany(texts)).toEqual(texts.map((t) => model.predict(t)));
    expect(model.predictMany([])).toEqual([]);
  });

  it('rejects bad arguments with TypeError or RangeError', () => {
    expect(() => model.predict(42 as unknown as string)).toThrow(TypeError);
    expect(() => model.predict(undefined as unknown as string)).toThrow(TypeError);
    expect(() => model.predictMany('text' as unknown as string[])).toThrow(TypeError);
    expect(() => model.predictMany(['ok', null as unknown as string])).toThrow(/item 1/);
    expect(() => model.predict('text', { topN: 0 })).toThrow(RangeError);
    expect(() => model.predict('text', { topN: 7 })).toThrow(RangeError);
    expect(() => LanguageIdentifier.fromBuffer('x' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('without its pair stages keeps the main order of the two best languages', async () => {
    const staged = (await trainTinyModel({ pairStages: [['de', 'sv']] })).identifier;
    const main = staged.withoutPairStages();
    expect(staged.pairs).toEqual([['de', 'sv']]);
    expect(main.pairs).toEqual([]);
    expect(main.info).toBe(staged.info);
    const texts = ['Guten Morgen', 'Jag läser', 'Ich lese gern', 'Det är fint'];
    const top = (m: LanguageIdentifier) =>
      m.predictMany(texts, { topN: 2 }).map((p) => p.top.map((c) => c.language).sort());
    expect(top(main)).toEqual(top(staged));
  });

  it('describes itself', () => {
    expect(model.info).toMatchObject({
      name: 'sibyl-langid',
      formatVersion: 3,
      modelVersion: 'langid-tiny-test',
      classes: ['ar', 'de', 'en', 'ja', 'ru', 'sv'],
    });
    expect(model.info.corpusSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(model.info.hyperParameters.svm).toMatchObject({ loss: 'squared_hinge', C: 1 });
  });
});
