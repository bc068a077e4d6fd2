import { readFile } from 'node:fs/promises';

/** Resident set size of a process in bytes (Linux `/proc/<pid>/status`), or undefined when gone. */
export async function residentBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS periodically and keeps the peak. */
export class RssWatch {
  private timer?: NodeJS.Timeout;
  peak = 0;
  last = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs: number,
  ) {}

  /** Starts sampling. */
  start(): void {
    const sample = async () => {
      const rss = await residentBytes(this.pid);
      if (rss !== undefined) {
        this.last = rss;
        this.peak = Math.max(this.peak, rss);
      }
    };
    void sample();
    this.timer = setInterval(() => void sample(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops sampling. */
  stop(): void {
    clearInterval(this.timer);
  }
}
