import type { ModelInfo } from '../artifact/model-info';
import { splitHeldOut, type HeldOutSplit, type TrainingSample } from './held-out-split';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './training-options';

/** The training options that decide which samples a model was trained and measured on. */
export type SplitOptions = Pick<
  TrainingOptions,
  'maxLinesPerLanguage' | 'heldOutFraction' | 'heldOutMaxPerLanguage' | 'seed'
>;

/**
 * How training splits the corpus: the first `maxLinesPerLanguage` samples of each language (all
 * when 0) split into train and held-out parts by the seeded shuffle; the rest (`surplus`) only
 * feeds the pair stages. Deterministic, so the held-out part of a model can be rebuilt later.
 */
export function trainingSplit(
  samples: readonly TrainingSample[],
  options: SplitOptions,
): { split: HeldOutSplit; surplus: TrainingSample[] } {
  const { kept, surplus } = capPerLanguage(samples, options.maxLinesPerLanguage);
  const split = splitHeldOut(
    kept,
    options.heldOutFraction,
    options.heldOutMaxPerLanguage,
    options.seed,
  );
  return { split, surplus };
}

/**
 * The split options a model was trained with, read back from its `model.info` (defaults for
 * what an older artifact did not record): with {@link trainingSplit} they rebuild the exact
 * held-out texts the model never saw, which is what the model registry evaluates it on.
 */
export function splitOptionsOf(info: ModelInfo): SplitOptions {
  const training = info.hyperParameters.training;
  const numberOr = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return {
    maxLinesPerLanguage: numberOr(
      training.maxLinesPerLanguage,
      DEFAULT_TRAINING_OPTIONS.maxLinesPerLanguage,
    ),
    heldOutFraction: numberOr(training.heldOutFraction, DEFAULT_TRAINING_OPTIONS.heldOutFraction),
    heldOutMaxPerLanguage: numberOr(
      training.heldOutMaxPerLanguage,
      DEFAULT_TRAINING_OPTIONS.heldOutMaxPerLanguage,
    ),
    seed: numberOr(info.hyperParameters.svm.seed, DEFAULT_TRAINING_OPTIONS.seed),
  };
}

/** The first `max` samples of each language (all when 0) and the rest, both in order. */
function capPerLanguage(
  samples: readonly TrainingSample[],
  max: number,
): { kept: TrainingSample[]; surplus: TrainingSample[] } {
  if (!(max > 0)) return { kept: [...samples], surplus: [] };
  const seen = new Map<string, number>();
  const kept: TrainingSample[] = [];
  const surplus: TrainingSample[] = [];
  for (const sample of samples) {
    const count = (seen.get(sample.language) ?? 0) + 1;
    seen.set(sample.language, count);
    (count <= max ? kept : surplus).push(sample);
  }
  return { kept, surplus };
}
