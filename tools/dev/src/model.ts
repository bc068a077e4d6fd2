import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@sibyl/testing';
import { log } from './log';
import { mustRun } from './commands';

/** Where `npm run langid -- train` writes the default model. */
export const DEFAULT_MODEL_PATH = 'models/langid/langid.model';

/** Trains the language-identification model from the committed corpus unless it exists. */
export async function ensureModel(
  path = process.env.MODEL_PATH ?? DEFAULT_MODEL_PATH,
): Promise<string> {
  const absolute = join(workspaceRoot(), path);
  if (existsSync(absolute)) return absolute;
  log(`no model at ${path}: training it from data/corpus (a few minutes, progress below)`);
  await mustRun(`${workspaceRoot()}/node_modules/.bin/tsx`, [
    'tools/langid-cli/src/main.ts',
    'train',
    '--out',
    path,
  ]);
  return absolute;
}
