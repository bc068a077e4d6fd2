/** Writes a one-line status on stderr: redrawn in place on a terminal, a plain line every few seconds otherwise. */
export class ProgressDisplay {
  private timer?: NodeJS.Timeout;
  private readonly startedAt = Date.now();
  private lastPlainAt = 0;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly render: () => string,
    private readonly enabled = true,
    private readonly plainEveryMs = 5000,
  ) {}

  /** Starts redrawing every second. */
  start(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref();
  }

  /** Prints a message on its own line without breaking the status line. */
  note(message: string): void {
    if (!this.enabled) return;
    process.stderr.write(this.tty ? `\r\x1b[K${message}\n` : `${message}\n`);
  }

  /** Draws a final status line and stops. */
  stop(): void {
    if (!this.enabled) return;
    clearInterval(this.timer);
    this.draw(true);
    if (this.tty) process.stderr.write('\n');
  }

  private draw(force = false): void {
    const elapsed = ((Date.now() - this.startedAt) / 1000).toFixed(1).padStart(6);
    const line = `[${elapsed}s] ${this.render()}`;
    if (this.tty) {
      process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns || 200) - 1)}`);
    } else if (force || Date.now() - this.lastPlainAt >= this.plainEveryMs) {
      this.lastPlainAt = Date.now();
      process.stderr.write(`${line}\n`);
    }
  }
}
