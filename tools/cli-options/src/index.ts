/**
 * Public entry of `@sibyl/cli-options`: what the tools' command lines share — strict option parsing with
 * `--help`, number options that name the option they reject, and the usage error (exit status 2).
 */
export { parseCommandLine } from './command-line';
export type { HelpOutput } from './command-line';
export { nonNegativeNumber, positiveNumber, wholeNumber } from './number-options';
export { UsageError } from './usage-error';
