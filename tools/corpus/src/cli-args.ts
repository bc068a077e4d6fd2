/** Parsed command line: the command and its `--name value` / `--flag` options. */
export interface CliArgs {
  command: string | undefined;
  options: Map<string, string>;
}

/** Parses `command --name value --name=value --flag` (a flag gets the value `true`). */
export function parseCliArgs(argv: string[]): CliArgs {
  const options = new Map<string, string>();
  let command: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') continue;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (inline !== undefined) options.set(name, inline);
      else if (argv[index + 1] !== undefined && !argv[index + 1].startsWith('--'))
        options.set(name, argv[++index]);
      else options.set(name, 'true');
    } else if (command === undefined) {
      command = arg;
    } else {
      throw new Error(`Unexpected argument '${arg}'`);
    }
  }
  return { command, options };
}

/** Reads a positive integer option, or `fallback` when absent; throws on anything else. */
export function positiveIntOption(
  options: Map<string, string>,
  name: string,
  fallback: number,
): number {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer, got '${raw}'`);
  return value;
}

/** Reads a number in [0, 1], or `fallback` when absent. */
export function shareOption(options: Map<string, string>, name: string, fallback: number): number {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!(value >= 0 && value <= 1))
    throw new Error(`--${name} must be a number between 0 and 1, got '${raw}'`);
  return value;
}
