/** Progress lines on stderr (stdout stays free for machine-readable output). */
export class Progress {
  private readonly started = Date.now();

  constructor(private readonly enabled = true) {}

  /** Writes one progress line prefixed with the elapsed time. */
  log(message: string): void {
    if (!this.enabled) return;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1).padStart(6);
    process.stderr.write(`[corpus ${seconds}s] ${message}\n`);
  }

  /** Seconds since this progress reporter was created. */
  elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}

/** Formats a count with thousands separators for progress output. */
export const formatCount = (value: number): string => value.toLocaleString('en-US');
