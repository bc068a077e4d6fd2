import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LanguageIdentifier } from './identifier/language-identifier';
import { TINY_CORPUS, tinyCorpusSamples } from './training/tiny-corpus';
import { trainLanguageIdentifier } from './training/train-language-identifier';
import { DEFAULT_TRAINING_OPTIONS, PAIR_STAGE_ALPHA } from './training/training-options';

export { TINY_CORPUS } from './training/tiny-corpus';

/** Options of {@link trainTinyModel}. */
export interface TinyModelOptions {
  /** Also write the model file: `true` = into a fresh temporary directory, a string = that path. */
  save?: boolean | string;
  /** Pairs of tiny-corpus languages to give a second stage (none by default). */
  pairStages?: ReadonlyArray<readonly [string, string]>;
  /** Train on these tiny-corpus languages only (default all six): a model that cannot know the rest. */
  languages?: readonly string[];
}

/** A tiny model and, when saved, where its file is. */
export interface TinyModel {
  identifier: LanguageIdentifier;
  path: string | null;
}

/**
 * Trains a small but real model in-process (about a second) from {@link TINY_CORPUS}:
 * sv, ar, ja, ru, en and de. For tests that need a model without the full artifact.
 * Its `modelVersion` is `langid-tiny-test`.
 */
export async function trainTinyModel(options: TinyModelOptions = {}): Promise<TinyModel> {
  const { languages } = options;
  const samples = tinyCorpusSamples().filter(
    (sample) => !languages || languages.includes(sample.language),
  );
  const corpusSha256 = createHash('sha256').update(JSON.stringify(TINY_CORPUS)).digest('hex');
  const { identifier } = await trainLanguageIdentifier(samples, {
    ...DEFAULT_TRAINING_OPTIONS,
    vectorizer: { ...DEFAULT_TRAINING_OPTIONS.vectorizer, minDf: 1 },
    heldOutFraction: 0,
    pairStages: (options.pairStages ?? []).map((languages) => ({
      languages,
      alpha: PAIR_STAGE_ALPHA,
    })),
    threads: 1,
    corpusSha256,
    modelVersion: 'langid-tiny-test',
    provenance: { corpus: 'TINY_CORPUS (libs/model/src/training/tiny-corpus.ts)' },
  });
  if (!options.save) return { identifier, path: null };
  const path =
    typeof options.save === 'string'
      ? options.save
      : join(await mkdtemp(join(tmpdir(), 'sibyl-tiny-model-')), 'langid.model');
  await identifier.save(path);
  return { identifier, path };
}
