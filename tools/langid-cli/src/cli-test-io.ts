import { Readable } from 'node:stream';
import type { CliIo } from './cli-io';

/** A {@link CliIo} that records output, for tests. */
export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

/** Captures stdout/stderr; `stdinLines` (if given) is piped in as stdin. */
export function captureIo(root: string, stdinLines?: string[]): CapturedIo {
  let out = '';
  let err = '';
  const stdin = stdinLines
    ? Object.assign(Readable.from([stdinLines.join('\n')]), { isTTY: false })
    : Object.assign(Readable.from([]), { isTTY: true });
  return {
    root,
    stdin,
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    out: () => out,
    err: () => err,
  };
}
