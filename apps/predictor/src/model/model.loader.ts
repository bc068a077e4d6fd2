import { Logger } from '@nestjs/common';
import { LanguageIdentifier } from '@sibyl/model';
import { modelVersionOf, sha256Hex } from '@sibyl/registry';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ModelRef, ModelSource } from './model-source.interface';
import type { ServedModel } from './serving-model';

/** A model that could not be loaded, with the metric label of why (`fetch`, `checksum`, `decode`). */
export class ModelLoadError extends Error {
  constructor(
    readonly version: string,
    readonly reason: 'fetch' | 'checksum' | 'decode',
    message: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

/**
 * Fetches `ref` from the source (which verifies the stored checksum), checks the bytes against `ref.sha256`
 * once more and decodes them, beside whatever model is serving.
 * @throws ModelLoadError saying which step failed and why
 */
export async function loadFromSource(
  source: ModelSource,
  ref: ModelRef,
  logger = new Logger('Model'),
): Promise<ServedModel> {
  const started = performance.now();
  let bytes: Buffer;
  try {
    bytes = await source.fetch(ref.version);
  } catch (error) {
    const checksum = (error as Error).name === 'ModelChecksumError';
    throw new ModelLoadError(
      ref.version,
      checksum ? 'checksum' : 'fetch',
      `cannot fetch model ${ref.version} from the registry: ${(error as Error).message}`,
    );
  }
  const actual = sha256Hex(bytes);
  if (actual !== ref.sha256) {
    throw new ModelLoadError(
      ref.version,
      'checksum',
      `model ${ref.version} refused: its artifact's sha256 ${actual} is not the registered ${ref.sha256}`,
    );
  }
  const fetched = performance.now();
  const served = decode(bytes, ref, 'registry');
  const fetchMs = Math.round(fetched - started);
  const decodeMs = Math.round(performance.now() - fetched);
  logger.log(
    `loaded model ${ref.version} (${describe(served)}) from the registry: fetched and verified in ` +
      `${fetchMs} ms, decoded in ${decodeMs} ms`,
  );
  return served;
}

/**
 * Loads the model file at `path` (the fallback when the registry has no live model); its version is derived
 * from its bytes exactly as the registry derives it. Failure is fatal: the error says which file and how to
 * produce it.
 */
export async function loadFromFile(
  path: string,
  logger = new Logger('Model'),
): Promise<ServedModel> {
  const absolute = resolve(path);
  const started = performance.now();
  let served: ServedModel;
  try {
    const bytes = await readFile(absolute);
    served = decode(bytes, { version: modelVersionOf(bytes), sha256: sha256Hex(bytes) }, 'file');
  } catch (error) {
    throw new Error(
      `cannot load the language model from ${absolute}: ${(error as Error).message} ` +
        '(train it with `npm run langid -- train`, or point MODEL_PATH at a model file)',
    );
  }
  const ms = Math.round(performance.now() - started);
  logger.log(`loaded model ${served.version} (${describe(served)}) from ${absolute} in ${ms} ms`);
  return served;
}

function decode(bytes: Buffer, ref: ModelRef, origin: ServedModel['origin']): ServedModel {
  try {
    const model = LanguageIdentifier.fromBuffer(bytes);
    return { ...ref, origin, model, loadedAt: new Date() };
  } catch (error) {
    throw new ModelLoadError(
      ref.version,
      'decode',
      `model ${ref.version} cannot be decoded: ${(error as Error).message}`,
    );
  }
}

function describe({ model }: ServedModel): string {
  return `${model.info.name} ${model.info.modelVersion}, ${model.info.classes.length} classes`;
}
