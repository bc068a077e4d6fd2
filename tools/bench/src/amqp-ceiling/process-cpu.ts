import { readFileSync } from 'node:fs';

/** utime + stime of a process in seconds (Linux /proc, USER_HZ = 100); null when unknown. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Measures the average CPU (% of one core) of some processes between `start()` and `stop()`. */
export class CpuWindow {
  private readonly first = new Map<string, { pid: number; cpu: number | null }>();
  private startedAt = 0;

  constructor(private readonly processes: { name: string; pid: number | null }[]) {}

  start(): void {
    this.startedAt = Date.now();
    for (const { name, pid } of this.processes)
      if (pid !== null) this.first.set(name, { pid, cpu: processCpuSeconds(pid) });
  }

  /** name → average CPU % of one core over the window. */
  stop(): Record<string, number | null> {
    const seconds = (Date.now() - this.startedAt) / 1000;
    const out: Record<string, number | null> = {};
    for (const [name, { pid, cpu }] of this.first) {
      const now = processCpuSeconds(pid);
      out[name] =
        cpu !== null && now !== null && seconds > 0
          ? Math.round(((now - cpu) / seconds) * 1000) / 10
          : null;
    }
    return out;
  }
}
