import { LanguageIdentifier } from '@sibyl/model';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { decodeRequest, type DecodeReply } from './model-decode.protocol';
import { ModelLoadError } from './model-load.error';
import type { ModelRef } from './model-source.interface';
import type { LanguageModel } from './model.constants';

/** File name of the decode worker's bundle, beside the predictor's main.js. */
export const MODEL_DECODE_WORKER_FILE = 'model-decode.worker.js';

/** A decoded model and where the time went. */
export interface DecodedModel {
  model: LanguageModel;
  /** Checksum, gunzip and table building (off the event loop with {@link WorkerModelDecoder}). */
  decodeMs: number;
  /** Time the event loop spent on the load: rewrapping the decoded state (or everything, in-thread). */
  eventLoopMs: number;
}

/** Turns verified artifact bytes into a servable model. */
export interface ModelDecoder {
  /**
   * Checks `bytes` against `ref.sha256` and decodes them.
   * @throws ModelLoadError (`checksum` or `decode`) saying why the artifact is refused
   */
  decode(bytes: Uint8Array, ref: ModelRef): Promise<DecodedModel>;
}

/** Options of {@link WorkerModelDecoder}. */
export interface WorkerDecoderOptions {
  /** The worker entry; default the bundled `model-decode.worker.js` beside the running main.js. */
  script?: string;
  /** Node options of the worker thread (e.g. a TypeScript loader when running from sources). */
  execArgv?: string[];
}

/**
 * Decodes each artifact in a fresh worker thread, so that the checksum, the gunzip and the table building
 * (hundreds of milliseconds for the 3 MiB model on a busy machine) never block the event loop: batches keep
 * flowing while a model loads. The worker posts the decoded model as transferable state (no copy), which is
 * rewrapped here in about a millisecond; the worker then exits and its heap is freed.
 */
export class WorkerModelDecoder implements ModelDecoder {
  private readonly script: string;

  constructor(private readonly options: WorkerDecoderOptions = {}) {
    this.script = options.script ?? join(__dirname, MODEL_DECODE_WORKER_FILE);
  }

  /** {@inheritDoc ModelDecoder.decode} */
  decode(bytes: Uint8Array, ref: ModelRef): Promise<DecodedModel> {
    return new Promise((resolve, reject) => {
      const failed = (message: string) =>
        reject(new ModelLoadError(ref.version, 'decode', `model ${ref.version}: ${message}`));
      let answered = false;
      const worker = new Worker(this.script, {
        workerData: { version: ref.version, sha256: ref.sha256, bytes },
        execArgv: this.options.execArgv,
      });
      worker.once('message', (reply: DecodeReply) => {
        answered = true;
        try {
          resolve(rewrap(reply, ref));
        } catch (error) {
          reject(error);
        }
      });
      worker.once('error', (error) => {
        answered = true;
        failed(`the decode worker failed: ${error.message}`);
      });
      worker.once('exit', (code) => {
        if (!answered) failed(`the decode worker exited with code ${code} without an answer`);
      });
    });
  }
}

/**
 * Decodes on the calling thread (blocking it for the whole decode): for a predictor's boot, when nothing is
 * served yet, and for unit tests.
 */
export class InThreadModelDecoder implements ModelDecoder {
  /** {@inheritDoc ModelDecoder.decode} */
  async decode(bytes: Uint8Array, ref: ModelRef): Promise<DecodedModel> {
    const started = performance.now();
    const decoded = rewrap(decodeRequest({ ...ref, bytes }).reply, ref);
    return { ...decoded, eventLoopMs: Math.round(performance.now() - started) };
  }
}

function rewrap(reply: DecodeReply, ref: ModelRef): DecodedModel {
  if (!reply.ok) throw new ModelLoadError(ref.version, reply.reason, reply.message);
  const started = performance.now();
  let model: LanguageModel;
  try {
    model = LanguageIdentifier.fromState(reply.state);
  } catch (error) {
    throw new ModelLoadError(
      ref.version,
      'decode',
      `model ${ref.version} cannot be rewrapped: ${(error as Error).message}`,
    );
  }
  return {
    model,
    decodeMs: reply.verifyMs + reply.decodeMs,
    eventLoopMs: Math.round(performance.now() - started),
  };
}
