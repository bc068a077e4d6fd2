/** Writes a `[sibyl]`-prefixed progress line to stderr. */
export function log(line: string): void {
  process.stderr.write(`[sibyl] ${line}\n`);
}
