import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

/** The `--help` / `-h` flag every tool command takes. */
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** The option table node:util parseArgs takes. */
type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Where help text goes (process.stdout by default). */
export interface HelpOutput {
  write(text: string): unknown;
}

/**
 * Parses a tool command's options (strict: an unknown option or a stray argument is a {@link UsageError}),
 * with `--help`/`-h` added: on `--help` it writes `help` to `out` and returns `undefined`, so the command
 * ends there. Option values keep node:util parseArgs' types (defaults included).
 */
export function parseCommandLine<const O extends OptionsConfig>(
  argv: string[],
  options: O,
  help: string,
  out: HelpOutput = process.stdout,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, ...HELP_OPTION } as O & typeof HELP_OPTION,
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    out.write(help);
    return undefined;
  }
  return parsed.values;
}
