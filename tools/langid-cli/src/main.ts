import { CliIo, UsageError } from './cli-io';
import { EVAL_USAGE, evalCommand } from './commands/eval.command';
import { PREDICT_USAGE, predictCommand } from './commands/predict.command';
import { TRAIN_USAGE, trainCommand } from './commands/train.command';
import { workspaceRoot } from '@sibyl/testing';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  train: trainCommand,
  predict: predictCommand,
  eval: evalCommand,
};

/** Full usage text. */
export const USAGE = [
  'usage: npm run langid -- <command> [options]',
  '',
  `  ${TRAIN_USAGE}`,
  `  ${PREDICT_USAGE}`,
  `  ${EVAL_USAGE}`,
  '',
  'Every command uses models/langid/langid.model unless --model PATH is given.',
].join('\n');

/**
 * Runs one CLI command. Returns the exit code: 0 success, 1 failure (message on stderr),
 * 2 bad command line (message and usage on stderr).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr).write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command(args, io);
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`langid ${name}: ${(error as Error).message}\n${usage ? `\n${USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    root: workspaceRoot(),
  }).then((code) => {
    process.exitCode = code;
  });
}
