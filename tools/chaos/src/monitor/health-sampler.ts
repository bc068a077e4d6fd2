/** One probe answer: HTTP status, or 0 when nothing answered (process down, timeout). */
export interface HealthSample {
  at: number;
  app: string;
  probe: 'live' | 'ready';
  status: number;
  /** First characters of the body of a non-200 answer (why it is not healthy). */
  detail: string;
  /** True when the probe got no answer within its timeout (the process was up but did not answer in time). */
  timedOut?: boolean;
}

/** Where to probe: the app's name and base URL (read at each round: restarts keep the URL). */
export type ProbeTargets = () => { name: string; url: string }[];

const PROBE_TIMEOUT_MS = 2000;

/**
 * Polls `/health/live` and `/health/ready` of every app every `intervalMs` and keeps each
 * answer, so a scenario can assert what the endpoints said during and after its fault.
 */
export class HealthSampler {
  readonly samples: HealthSample[] = [];
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(
    private readonly targets: ProbeTargets,
    private readonly intervalMs = 1000,
  ) {}

  /** Starts polling. */
  start(): void {
    this.timer = setInterval(() => void this.round(), this.intervalMs);
  }

  /** Stops polling. */
  stop(): void {
    clearInterval(this.timer);
  }

  /** One probe of every app right now (also recorded). */
  async round(): Promise<HealthSample[]> {
    if (this.busy) return [];
    this.busy = true;
    try {
      const probes = this.targets().flatMap(({ name, url }) =>
        (['live', 'ready'] as const).map((probe) => probeOnce(name, url, probe)),
      );
      const results = await Promise.all(probes);
      this.samples.push(...results);
      return results;
    } finally {
      this.busy = false;
    }
  }

  /** Samples of `app`'s `probe` taken between `from` and `to` (epoch ms). */
  between(from: number, to: number, app?: string, probe?: HealthSample['probe']): HealthSample[] {
    return this.samples.filter(
      (s) =>
        s.at >= from &&
        s.at <= to &&
        (app === undefined || s.app === app) &&
        (probe === undefined || s.probe === probe),
    );
  }
}

async function probeOnce(app: string, url: string, probe: 'live' | 'ready'): Promise<HealthSample> {
  const at = Date.now();
  try {
    const res = await fetch(`${url}/health/${probe}`, {
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const body = res.status === 200 ? '' : (await res.text()).slice(0, 400);
    return { at, app, probe, status: res.status, detail: body };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { at, app, probe, status: 0, detail: (error as Error).message, timedOut };
  }
}

/** `ready 200×12, 503×5` — the statuses seen, in a short summary. */
export function summarizeStatuses(samples: HealthSample[]): string {
  const counts = new Map<number, number>();
  for (const s of samples) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status === 0 ? 'down' : status}×${n}`)
    .join(' ');
}
