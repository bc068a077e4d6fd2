import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_FORMAT_VERSION, MODEL_MAGIC } from '@sibyl/model';
import { workspaceRoot } from '@sibyl/testing';
import { log } from './log';
import { mustRun } from './commands';

/** Where `npm run langid -- train` writes the default model. */
export const DEFAULT_MODEL_PATH = 'models/langid/langid.model';

/**
 * The layout version written in a model file's header, or undefined when the file is not a
 * Sibyl model (too short, or another signature).
 */
export function modelFormatVersion(absolutePath: string): number | undefined {
  const header = Buffer.alloc(MODEL_MAGIC.length + 4);
  const fd = openSync(absolutePath, 'r');
  try {
    if (readSync(fd, header, 0, header.length, 0) < header.length) return undefined;
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, MODEL_MAGIC.length).equals(MODEL_MAGIC)) return undefined;
  return header.readUInt32LE(MODEL_MAGIC.length);
}

/**
 * Trains the language-identification model from the committed corpus unless it exists in the
 * current format. A default model written by an older build (an older format version) is
 * retrained, so `npm start` after an upgrade serves the current model, not the old one.
 */
export async function ensureModel(
  path = process.env.MODEL_PATH ?? DEFAULT_MODEL_PATH,
): Promise<string> {
  const absolute = join(workspaceRoot(), path);
  if (existsSync(absolute)) {
    const version = modelFormatVersion(absolute);
    if (version === MODEL_FORMAT_VERSION) return absolute;
    if (process.env.MODEL_PATH) {
      log(
        `model at ${path} has format ${version ?? 'unknown'} (current ${MODEL_FORMAT_VERSION}); using it as given`,
      );
      return absolute;
    }
    log(
      `model at ${path} has format ${version ?? 'unknown'}, this build writes ${MODEL_FORMAT_VERSION}: retraining it`,
    );
  } else {
    log(`no model at ${path}: training it from data/corpus (a few minutes, progress below)`);
  }
  await mustRun(`${workspaceRoot()}/node_modules/.bin/tsx`, [
    'tools/langid-cli/src/main.ts',
    'train',
    '--out',
    path,
  ]);
  return absolute;
}
