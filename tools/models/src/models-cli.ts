import { RegistryError } from '@sibyl/registry';
import { MODELS_COMMANDS, UsageError, type ModelsContext, type ModelsOutput } from './commands';
import { modelsUsage, parseModelsArgs } from './models-args';

/**
 * Runs `npm run models -- <argv>` with a context built on demand (so `help` and usage errors
 * need no database); resolves with the exit code: 0 done, 1 refused or failed, 2 bad usage.
 * Registry errors (unknown version, corrupt artifact, conflicts) print their message, code 1.
 */
export async function runModelsCli(
  argv: readonly string[],
  io: ModelsOutput,
  openContext: (options: { json: boolean; actor?: string }) => Promise<{
    context: ModelsContext;
    close(): Promise<void>;
  }>,
  commands = MODELS_COMMANDS,
): Promise<number> {
  const usage = modelsUsage(commands);
  let parsed;
  try {
    parsed = parseModelsArgs(argv, commands);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`error: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (parsed.help) {
    io.out(usage);
    return 0;
  }
  let opened;
  try {
    opened = await openContext({ json: parsed.json, actor: parsed.actor });
    return await parsed.command.run(opened.context, parsed.positionals, parsed.values);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n\n${usage}`);
      return 2;
    }
    if (parsed.json && error instanceof RegistryError) {
      io.out(JSON.stringify({ error: error.name, message: error.message }));
    }
    io.err(`error: ${(error as Error).message}`);
    return 1;
  } finally {
    await opened?.close().catch(() => undefined);
  }
}
