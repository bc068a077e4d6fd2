import { parseArgs } from 'node:util';
import type { ModelsCommand, OptionSpec, OptionValues } from './commands';
import { UsageError } from './commands';

/** Options every command accepts. */
const GLOBAL_OPTIONS: Record<string, OptionSpec & { type: 'string' | 'boolean' }> = {
  json: { type: 'boolean' },
  actor: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** A parsed command line. */
export type ParsedModelsArgs =
  | { help: true }
  | {
      help: false;
      command: ModelsCommand;
      positionals: string[];
      values: OptionValues;
      json: boolean;
      actor?: string;
    };

/** The help text, generated from the command table. */
export function modelsUsage(commands: readonly ModelsCommand[]): string {
  return [
    'Usage: npm run models -- <command> [options]',
    '',
    'The model registry in MongoDB at MONGODB_URI (default mongodb://127.0.0.1:27017/sibyl);',
    'promotions and rollbacks are announced on RabbitMQ at RABBITMQ_URL (AMQP_NAMESPACE).',
    'add and verify read data/corpus and data/eval, verify writes reports/, under MODELS_ROOT',
    '(default: the workspace root).',
    'Every command takes --json (one JSON document on stdout) and --actor NAME (default: OS user).',
    '',
    'Commands:',
    ...commands.flatMap((command) => [`  ${command.usage}`, `      ${command.summary}`]),
    '  help',
    '      This text.',
    '',
    'Exit codes: 0 done, 1 refused or failed (e.g. the promotion gate), 2 bad command line.',
  ].join('\n');
}

/** Parses the arguments after `npm run models --` against the command table. */
export function parseModelsArgs(
  argv: readonly string[],
  commands: readonly ModelsCommand[],
): ParsedModelsArgs {
  const name = commandName(argv, commands);
  if (name === undefined || name === 'help') return { help: true };
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    throw new UsageError(
      `unknown command "${name}"; commands: ${commands.map((c) => c.name).join(', ')}, help`,
    );
  }
  const parsed = parseOrUsage(argv, { ...GLOBAL_OPTIONS, ...(command.options ?? {}) }, true);
  const values = parsed.values;
  if (values.help) return { help: true };
  const positionals = parsed.positionals.slice(parsed.positionals.indexOf(name) + 1);
  const actor = typeof values.actor === 'string' ? values.actor : undefined;
  return { help: false, command, positionals, values, json: values.json === true, actor };
}

/** The first positional, knowing every command's options (so `--actor bob list` finds `list`). */
function commandName(
  argv: readonly string[],
  commands: readonly ModelsCommand[],
): string | undefined {
  const options = Object.assign({}, GLOBAL_OPTIONS, ...commands.map((c) => c.options ?? {}));
  return parseOrUsage(argv, options, false).positionals[0];
}

/** `node:util` parseArgs with positionals; its complaints become a {@link UsageError}. */
function parseOrUsage(
  argv: readonly string[],
  options: Record<string, OptionSpec>,
  strict: boolean,
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict,
      options,
    });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
