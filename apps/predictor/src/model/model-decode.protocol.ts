import { LanguageIdentifier, modelStateTransferList, type ModelState } from '@sibyl/model';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ModelLoadFailureReason } from './model-load.error';
import type { ModelRef } from './model-source.interface';

/** What the decode worker is given: an artifact and the registry's identity of it. */
export interface DecodeRequest extends ModelRef {
  bytes: Uint8Array;
}

/** A request to the decode worker, and its answer, matched by `id`. */
export interface DecodeJob {
  id: number;
  request: DecodeRequest;
}

/** The decode worker's answer to {@link DecodeJob} `id`. */
export interface DecodeAnswer {
  id: number;
  reply: DecodeReply;
}

/** What the decode worker answers: the decoded model as transferable state, or why it is refused. */
export type DecodeReply =
  | { ok: true; state: ModelState; verifyMs: number; decodeMs: number }
  | { ok: false; reason: Exclude<ModelLoadFailureReason, 'fetch'>; message: string };

/**
 * The CPU-bound part of a model load: checks the bytes against `sha256` (refused on a mismatch), decodes them
 * (gunzip, section checks, hash tables, scorer records) and exports the result as {@link ModelState} with the
 * list of its buffers to transfer. Runs in the decode worker; pure, so it is unit-tested in-thread.
 */
export function decodeRequest(request: DecodeRequest): {
  reply: DecodeReply;
  transfer: ArrayBuffer[];
} {
  const { version, sha256, bytes } = request;
  const started = performance.now();
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) {
    const message = `model ${version} refused: its artifact's sha256 ${actual} is not the registered ${sha256}`;
    return { reply: { ok: false, reason: 'checksum', message }, transfer: [] };
  }
  const verified = performance.now();
  let state: ModelState;
  try {
    state = LanguageIdentifier.fromBuffer(bytes).state();
  } catch (error) {
    const message = `model ${version} cannot be decoded: ${(error as Error).message}`;
    return { reply: { ok: false, reason: 'decode', message }, transfer: [] };
  }
  const verifyMs = Math.round(verified - started);
  const decodeMs = Math.round(performance.now() - verified);
  return {
    reply: { ok: true, state, verifyMs, decodeMs },
    transfer: modelStateTransferList(state),
  };
}
