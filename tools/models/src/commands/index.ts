import { addCommand } from './add.command';
import { diffCommand } from './diff.command';
import { exportFeedbackCommand } from './export-feedback.command';
import { listCommand } from './list.command';
import type { ModelsCommand } from './models-command';
import { promoteCommand } from './promote.command';
import { rollbackCommand } from './rollback.command';
import { shadowCommand } from './shadow.command';
import { showCommand } from './show.command';
import { verifyCommand } from './verify.command';

export * from './models-command';

/**
 * The command table of `npm run models`: one file per command under `commands/`. A new command
 * is one more file and one more entry here.
 */
export const MODELS_COMMANDS: readonly ModelsCommand[] = [
  listCommand,
  showCommand,
  addCommand,
  promoteCommand,
  rollbackCommand,
  diffCommand,
  verifyCommand,
  shadowCommand,
  exportFeedbackCommand,
];
