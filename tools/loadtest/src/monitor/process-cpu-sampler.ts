import { readFileSync } from 'node:fs';

/** CPU use of one watched process over the run. */
export interface ProcessCpu {
  name: string;
  pid: number;
  /** Average CPU over the sampled window, in % of one core (200 % = both cores of a 2-core machine). */
  averagePercent: number | null;
  /** Highest one-interval CPU, in % of one core. */
  peakPercent: number | null;
  /** CPU seconds used during the window. */
  cpuSeconds: number | null;
}

/** Linux clock ticks per second (USER_HZ), 100 on every mainstream kernel build. */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a process in seconds, from /proc; null when it is gone or not Linux. */
export function readProcessCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

interface CpuSeries {
  name: string;
  pid: number;
  first: number | null;
  prev: number | null;
  peak: number | null;
  latestPercent: number | null;
}

/**
 * Samples the CPU time of named processes (the spawned gateway and predictors, the
 * load generator itself, the broker and the database when their pids are known), so
 * the report can say which one was at 100 % of a core.
 */
export class ProcessCpuSampler {
  private readonly series: CpuSeries[];
  private startedAt = 0;
  private lastAt = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    processes: { name: string; pid: number }[],
    private readonly intervalMs = 1000,
  ) {
    this.series = processes.map(({ name, pid }) => ({
      name,
      pid,
      first: null,
      prev: null,
      peak: null,
      latestPercent: null,
    }));
  }

  /** Takes the first sample and starts the interval. */
  start(): void {
    this.startedAt = this.lastAt = Date.now();
    for (const s of this.series) s.first = s.prev = readProcessCpuSeconds(s.pid);
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  /** Latest one-interval CPU % per process name, for the progress display. */
  current(): { name: string; percent: number }[] {
    return this.series
      .filter((s) => s.latestPercent !== null)
      .map((s) => ({ name: s.name, percent: s.latestPercent as number }));
  }

  private sample(): void {
    const now = Date.now();
    const seconds = (now - this.lastAt) / 1000;
    if (seconds <= 0) return;
    this.lastAt = now;
    for (const s of this.series) {
      const cpu = readProcessCpuSeconds(s.pid);
      if (cpu === null || s.prev === null) continue;
      s.latestPercent = ((cpu - s.prev) / seconds) * 100;
      s.peak = Math.max(s.peak ?? 0, s.latestPercent);
      s.prev = cpu;
    }
  }

  /** Stops sampling and summarises. */
  stop(): ProcessCpu[] {
    clearInterval(this.timer);
    this.sample();
    const seconds = (this.lastAt - this.startedAt) / 1000;
    return this.series.map((s) => {
      const used = s.first !== null && s.prev !== null ? s.prev - s.first : null;
      return {
        name: s.name,
        pid: s.pid,
        cpuSeconds: used,
        averagePercent: used !== null && seconds > 0 ? (used / seconds) * 100 : null,
        peakPercent: s.peak,
      };
    });
  }
}
