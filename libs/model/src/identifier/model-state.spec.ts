import { TINY_CORPUS, trainTinyModel } from '../testing';
import { LanguageIdentifier } from './language-identifier';
import { modelStateTransferList } from './model-state';

const PROBES = [
  ...Object.values(TINY_CORPUS).flat(),
  'Jag tycker om att läsa böcker på kvällen.',
  'Ich lese abends gern Bücher.',
  'mixed Привет 世界 🙂 end',
  '',
  '!!! 42',
];

describe('ModelState: a decoded model handed across threads', () => {
  let bytes: Buffer;

  beforeAll(async () => {
    const { identifier } = await trainTinyModel({ pairStages: [['sv', 'de']] });
    bytes = identifier.toBuffer();
  });

  it('survives a structured clone with its buffers transferred and predicts exactly as the decoded model', () => {
    const decoded = LanguageIdentifier.fromBuffer(bytes);
    const reference = LanguageIdentifier.fromBuffer(bytes);
    const state = decoded.state();
    const transfer = modelStateTransferList(state);
    const cloned = structuredClone(state, { transfer });

    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true); // moved, not copied
    const rewrapped = LanguageIdentifier.fromState(cloned);
    expect(rewrapped.info).toEqual(reference.info);
    expect(rewrapped.pairs).toEqual([['sv', 'de']]);
    for (const text of PROBES) {
      expect(rewrapped.predict(text, { topN: 6 })).toEqual(reference.predict(text, { topN: 6 }));
    }
  });

  it('carries the built tables, so the rewrapped model re-exports the same state', () => {
    const state = LanguageIdentifier.fromBuffer(bytes).state();
    const again = LanguageIdentifier.fromState(structuredClone(state)).state();
    expect(again.fast).not.toBeNull();
    expect(again.vectorizer.table.count).toBe(state.vectorizer.keys.length);
    expect(again).toEqual(state);
  });

  it('lists each buffer once even when several arrays share it', () => {
    const state = LanguageIdentifier.fromBuffer(bytes).state();
    const transfer = modelStateTransferList(state);
    expect(new Set(transfer).size).toBe(transfer.length);
    // the decoded sections are views of one payload buffer
    expect(transfer).toContain(state.vectorizer.keys.buffer);
    expect(state.vectorizer.idf.buffer).toBe(state.vectorizer.keys.buffer);
  });
});
