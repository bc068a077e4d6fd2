import type { OutputStream } from '@sibyl/langid-cli';
import type { ModelRegistry, LiveModelChange, ShadowRuns } from '@sibyl/registry';
import type { ShadowQueueControl } from '../runtime/shadow-queue';
import type { mongo } from 'mongoose';
import { UsageError } from '@sibyl/cli-options';

/** Where a command writes (injected so that tests capture it). */
export interface ModelsOutput {
  out(line: string): void;
  err(line: string): void;
}

/** Everything a command works with; built once by `main.ts` (or a test). */
export interface ModelsContext {
  registry: ModelRegistry;
  /** The registry's database (feedback for `verify`). */
  db: mongo.Db;
  io: ModelsOutput;
  /** `--json`: one JSON document on stdout instead of text. */
  json: boolean;
  /** Who runs the command: `--actor`, else the OS user. */
  actor: string;
  /** PROMOTION_MAX_ACCURACY_DROP. */
  margin: number;
  /** Workspace root (default corpus, eval sets, reports). */
  root: string;
  /** Where long commands show progress (stderr). */
  progress: OutputStream;
  /** Publishes `model.promoted.v1` for a change the registry made (confirmed by the broker). */
  announce(change: LiveModelChange): Promise<void>;
  /** Shadow evaluation state (`shadow_runs`, `shadow_results`). */
  shadowRuns: ShadowRuns;
  /** The broker's shadow queue. */
  shadowQueue: ShadowQueueControl;
}

/** Option values as `node:util` parseArgs returns them. */
export type OptionValues = Record<string, string | boolean | undefined>;

/** Declaration of one option of a command (parseArgs style). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

/** One `npm run models -- <name>` command: one file per command under `commands/`. */
export interface ModelsCommand {
  name: string;
  /** Arguments and options, e.g. `promote VERSION [--force --reason "…"]`. */
  usage: string;
  /** One line for the help text. */
  summary: string;
  /** Options besides the global `--json`, `--actor`, `--help`. */
  options?: Record<string, OptionSpec>;
  /** Runs it; resolves with the exit code (0 done, 1 refused or failed). */
  run(context: ModelsContext, positionals: string[], values: OptionValues): Promise<number>;
}

/** A mistake in the command line: printed with the usage, exit code 2 (shared by the tools). */
export { UsageError };

/** The single positional a command requires, or a {@link UsageError}. */
export function onePositional(command: string, positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one ${what}`);
  return positionals[0];
}

/** Refuses any positional argument: for commands that take options only. */
export function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0)
    throw new UsageError(`${command} takes no argument "${positionals[0]}"`);
}

/** A string option's value, or undefined (absent, or given as a flag). */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
