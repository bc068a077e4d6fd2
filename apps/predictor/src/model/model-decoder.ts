import { LanguageIdentifier } from '@sibyl/model';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import {
  decodeRequest,
  type DecodeAnswer,
  type DecodeJob,
  type DecodeReply,
} from './model-decode.protocol';
import { ModelLoadError, type ModelLoadFailureReason } from './model-load.error';
import type { ModelRef } from './model-source.interface';
import { DEFAULT_MODEL_DECODE_TIMEOUT_MS, type LanguageModel } from './model.constants';

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
  /** Releases what the decoder holds (its worker thread), if anything. */
  close?(): Promise<void>;
}

/** Options of {@link WorkerModelDecoder}. */
export interface WorkerDecoderOptions {
  /** The worker entry; default the bundled `model-decode.worker.js` beside the running main.js. */
  script?: string;
  /** Node options of the worker thread (e.g. a TypeScript loader when running from sources). */
  execArgv?: string[];
  /**
   * MODEL_DECODE_TIMEOUT_MS: a decode not answered within it fails (`timeout`) and the worker is terminated
   * (the next decode starts another); default {@link DEFAULT_MODEL_DECODE_TIMEOUT_MS}.
   */
  timeoutMs?: number;
}

/** A decode sent to the worker and not answered yet. */
interface PendingDecode {
  ref: ModelRef;
  resolve: (decoded: DecodedModel) => void;
  reject: (error: Error) => void;
  /** The worker it was sent to (a replaced worker's exit fails only its own decodes). */
  worker: Worker;
  timer: NodeJS.Timeout;
}

/**
 * Decodes artifacts in a worker thread, so that the checksum, the gunzip and the table building (hundreds of
 * milliseconds for the 3 MiB model, seconds on a busy machine) never block the event loop: batches keep flowing
 * while a model loads. The worker posts the decoded model as transferable state (no copy), which is rewrapped
 * here in about a millisecond. The thread is started at the first decode and kept (warm, unref'd: it does not
 * hold the process open) for the next; one that fails or exits fails its pending decodes with the cause and is
 * replaced at the next decode. A decode not answered within `timeoutMs` fails as `timeout` (with every other
 * decode pending on that worker) and the worker, hung or crashed silently, is terminated. {@link close} stops it.
 */
export class WorkerModelDecoder implements ModelDecoder {
  private readonly script: string;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, PendingDecode>();
  private nextId = 1;
  private readonly timeoutMs: number;

  constructor(private readonly options: WorkerDecoderOptions = {}) {
    this.script = options.script ?? join(__dirname, MODEL_DECODE_WORKER_FILE);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_MODEL_DECODE_TIMEOUT_MS;
  }

  /** {@inheritDoc ModelDecoder.decode} */
  decode(bytes: Uint8Array, ref: ModelRef): Promise<DecodedModel> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const worker = this.started();
      // not unref'd: while a decode is pending (a boot awaiting it), its deadline keeps the process up
      const timer = setTimeout(() => this.hung(worker), this.timeoutMs);
      this.pending.set(id, { ref, resolve, reject, worker, timer });
      const job: DecodeJob = { id, request: { version: ref.version, sha256: ref.sha256, bytes } };
      worker.postMessage(job); // the bytes are copied: a cached artifact stays usable
    });
  }

  /** Stops the worker thread (pending decodes fail). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { execArgv: this.options.execArgv });
    worker.unref();
    worker.on('message', ({ id, reply }: DecodeAnswer) => {
      const job = this.pending.get(id);
      if (!job) return;
      this.pending.delete(id);
      clearTimeout(job.timer);
      try {
        job.resolve(rewrap(reply, job.ref));
      } catch (error) {
        job.reject(error as Error);
      }
    });
    worker.on('error', (error) => this.lost(worker, `the decode worker failed: ${error.message}`));
    worker.on('exit', (code) => this.lost(worker, `the decode worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** A decode was not answered in time: fail the pending ones as `timeout` and terminate the worker. */
  private hung(worker: Worker): void {
    this.lost(
      worker,
      `the decode worker did not answer within ${this.timeoutMs} ms (MODEL_DECODE_TIMEOUT_MS); it was terminated`,
      'timeout',
    );
    worker.terminate().catch(() => undefined);
  }

  /** Fails every pending decode: the worker is gone (the next decode starts another). */
  private lost(worker: Worker, message: string, reason: ModelLoadFailureReason = 'decode'): void {
    if (this.worker === worker) this.worker = undefined;
    for (const [id, job] of this.pending) {
      if (job.worker !== worker) continue;
      this.pending.delete(id);
      clearTimeout(job.timer);
      job.reject(
        new ModelLoadError(job.ref.version, reason, `model ${job.ref.version}: ${message}`),
      );
    }
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
