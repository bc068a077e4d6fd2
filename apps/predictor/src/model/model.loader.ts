import { Logger } from '@nestjs/common';
import { modelVersionOf, sha256Hex } from '@sibyl/registry';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ModelDecoder } from './model-decoder';
import { ModelLoadError } from './model-load.error';
import type { ModelRef, ModelSource } from './model-source.interface';
import type { ModelLoadReport, ServedModel } from './serving-model';

export { ModelLoadError } from './model-load.error';

/** What a load needs besides the artifact. */
export interface LoadContext {
  /** Verifies and decodes the bytes (in a worker thread in production). */
  decoder: ModelDecoder;
  logger?: Logger;
  /** The count of batches served so far (`ServingModel.batches`): reports those served while decoding. */
  batches?: () => number;
}

/**
 * Fetches `ref` from the source (which verifies the stored checksum), then has the decoder check the bytes
 * against `ref.sha256` once more and decode them, beside whatever model is serving.
 * @throws ModelLoadError saying which step failed and why
 */
export async function loadFromSource(
  source: ModelSource,
  ref: ModelRef,
  context: LoadContext,
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
  const fetchMs = Math.round(performance.now() - started);
  const served = await decode(bytes, ref, 'registry', fetchMs, context);
  (context.logger ?? new Logger('Model')).log(
    `loaded model ${ref.version} (${describe(served)}) from the registry: ${timings(served)}`,
  );
  return served;
}

/**
 * Loads the model file at `path` (the fallback when the registry has no live model); its version is derived
 * from its bytes exactly as the registry derives it. Failure is fatal: the error says which file and how to
 * produce it.
 */
export async function loadFromFile(path: string, context: LoadContext): Promise<ServedModel> {
  const absolute = resolve(path);
  let served: ServedModel;
  try {
    const bytes = await readFile(absolute);
    const ref = { version: modelVersionOf(bytes), sha256: sha256Hex(bytes) };
    served = await decode(bytes, ref, 'file', 0, context);
  } catch (error) {
    throw new Error(
      `cannot load the language model from ${absolute}: ${(error as Error).message} ` +
        '(train it with `npm run langid -- train`, or point MODEL_PATH at a model file)',
    );
  }
  (context.logger ?? new Logger('Model')).log(
    `loaded model ${served.version} (${describe(served)}) from ${absolute}: ${timings(served)}`,
  );
  return served;
}

/** Has the decoder verify and decode `bytes`; reports how long it took and what was served meanwhile. */
async function decode(
  bytes: Uint8Array,
  ref: ModelRef,
  origin: ServedModel['origin'],
  fetchMs: number,
  { decoder, batches }: LoadContext,
): Promise<ServedModel> {
  const decodeStartedAt = new Date();
  const before = batches?.();
  const { model, decodeMs, eventLoopMs } = await decoder.decode(bytes, ref);
  const load: ModelLoadReport = { fetchMs, decodeMs, eventLoopMs, decodeStartedAt };
  if (batches && before !== undefined) load.batchesWhileDecoding = batches() - before;
  return { ...ref, origin, model, loadedAt: new Date(), load };
}

function timings({ load }: ServedModel): string {
  const { fetchMs, decodeMs, eventLoopMs } = load as ModelLoadReport;
  return (
    `fetched in ${fetchMs} ms, verified and decoded in ${decodeMs} ms off the event loop ` +
    `(${eventLoopMs} ms on it)`
  );
}

function describe({ model }: ServedModel): string {
  return `${model.info.name} ${model.info.modelVersion}, ${model.info.classes.length} classes`;
}
