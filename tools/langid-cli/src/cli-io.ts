import type { OutputStream } from './terminal/progress-reporter';

/** Streams and paths a command works with (injected so tests can capture them). */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Workspace root that default paths are relative to. */
  root: string;
}

/** A mistake in the command line: printed with the usage, exit code 2 (shared by the tools). */
export { UsageError } from '@sibyl/cli-options';
