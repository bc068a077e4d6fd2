import { FactoryProvider, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LanguageIdentifier } from '@sibyl/model';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PredictorEnvironment } from '../config/env.validation';
import { LANGUAGE_MODEL, LanguageModel } from './model.constants';

/**
 * Loads the model artifact at `path` (format, version and checksum are verified by the loader). Failure is
 * fatal: the error says which file and how to produce it, and the application does not start.
 */
export async function loadLanguageModel(
  path: string,
  logger = new Logger('Model'),
): Promise<LanguageModel> {
  const absolute = resolve(path);
  const started = performance.now();
  let model: LanguageModel;
  try {
    model = await LanguageIdentifier.load(absolute);
  } catch (error) {
    throw new Error(
      `cannot load the language model from ${absolute}: ${(error as Error).message} ` +
        '(train it with `npm run langid -- train`, or point MODEL_PATH at a model file)',
    );
  }
  const { name, modelVersion, classes } = model.info;
  const ms = Math.round(performance.now() - started);
  logger.log(
    `loaded model ${name} ${modelVersion} (${classes.length} classes) from ${absolute} in ${ms} ms`,
  );
  return model;
}

/**
 * Provides {@link LANGUAGE_MODEL}: the model is loaded once, before the application starts listening, so a
 * predictor is never ready (nor consuming) without it.
 */
export const languageModelProvider: FactoryProvider<LanguageModel> = {
  provide: LANGUAGE_MODEL,
  inject: [ConfigService],
  useFactory: (config: ConfigService<PredictorEnvironment, true>) =>
    loadLanguageModel(config.get('MODEL_PATH', { infer: true })),
};
