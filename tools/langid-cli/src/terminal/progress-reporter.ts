/** A writable text stream, optionally a terminal. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

const BAR_WIDTH = 24;
/** Without a terminal, a progress line is printed at most this often per phase. */
const PLAIN_INTERVAL_MS = 5000;

/**
 * Progress display for long commands: a redrawn bar on a terminal, or a line every few
 * seconds (and at each phase change) when output is a file or pipe.
 */
export class ProgressReporter {
  private lastPhase = '';
  private lastPlainAt = 0;
  private barShown = false;
  private readonly startedAt: number;

  constructor(
    private readonly stream: OutputStream,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** Shows that `done` of `total` units of `phase` are finished. */
  update(phase: string, done: number, total: number, detail = ''): void {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const elapsed = ((this.now() - this.startedAt) / 1000).toFixed(1);
    const text = `${phase.padEnd(11)} ${bar(fraction)} ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total} ${detail} [${elapsed}s]`;
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${text}`);
      this.barShown = true;
      if (done >= total) this.endLine();
      return;
    }
    const now = this.now();
    if (phase !== this.lastPhase || done >= total || now - this.lastPlainAt >= PLAIN_INTERVAL_MS) {
      this.stream.write(`${text}\n`);
      this.lastPlainAt = now;
    }
    this.lastPhase = phase;
  }

  /** Prints a message on its own line. */
  log(message: string): void {
    this.endLine();
    this.stream.write(`${message}\n`);
  }

  private endLine(): void {
    if (this.barShown) this.stream.write('\n');
    this.barShown = false;
  }
}

function bar(fraction: number): string {
  const filled = Math.round(fraction * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}
