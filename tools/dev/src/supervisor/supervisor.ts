import { BackoffPolicy, DEFAULT_BACKOFF, RestartBackoff } from './restart-backoff';
import { describeExit, ProcessExit, SupervisedProcess } from './supervised-process';

/** Timers and clock of the {@link Supervisor} (fakes in unit specs). */
export interface SupervisorClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: SupervisorClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Options of {@link Supervisor}. */
export interface SupervisorOptions {
  log: (line: string) => void;
  backoff?: BackoffPolicy;
  clock?: SupervisorClock;
  /** How long a restarted app may take to answer its readiness probe before that is logged. */
  readyTimeoutMs?: number;
}

/** State of one supervised app. */
interface Supervised {
  app: SupervisedProcess;
  backoff: RestartBackoff;
  restarts: number;
  startedAt: number;
  timer?: unknown;
}

/**
 * Keeps a set of processes running like an orchestrator with `restartPolicy: Always`:
 * an app that exits (crash, kill, even code 0) is restarted after an exponential back-off
 * while the others keep serving; every exit and restart is logged and counted. Only
 * {@link stop} ends them all.
 */
export class Supervisor {
  private readonly apps: Supervised[];
  private readonly clock: SupervisorClock;
  private stopping = false;
  private readonly listeners: ((name: string, restarts: number) => void)[] = [];

  constructor(
    apps: SupervisedProcess[],
    private readonly options: SupervisorOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.apps = apps.map((app) => ({
      app,
      backoff: new RestartBackoff(options.backoff ?? DEFAULT_BACKOFF),
      restarts: 0,
      startedAt: 0,
    }));
  }

  /** Starts every app. */
  start(): void {
    for (const entry of this.apps) this.launch(entry);
  }

  /** Restarts so far, per app name. */
  restartCounts(): Record<string, number> {
    return Object.fromEntries(this.apps.map((e) => [e.app.name, e.restarts]));
  }

  /** `gateway 0, predictor-1 2, …`, for log lines. */
  describeRestarts(): string {
    return this.apps.map((e) => `${e.app.name} ${e.restarts}`).join(', ');
  }

  /** Calls `listener` after each restart (the app has been spawned again). */
  onRestart(listener: (name: string, restarts: number) => void): void {
    this.listeners.push(listener);
  }

  /** Cancels pending restarts and stops every app; no restart happens afterwards. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const entry of this.apps) {
      if (entry.timer !== undefined) this.clock.clearTimeout(entry.timer);
      entry.timer = undefined;
    }
    await Promise.all(this.apps.map((e) => e.app.stop()));
  }

  private launch(entry: Supervised): void {
    entry.startedAt = this.clock.now();
    entry.app.start((exit) => this.exited(entry, exit));
  }

  private exited(entry: Supervised, exit: ProcessExit): void {
    if (this.stopping) return;
    const uptimeMs = this.clock.now() - entry.startedAt;
    const delay = entry.backoff.nextDelay(uptimeMs);
    this.options.log(
      `${entry.app.name} exited with ${describeExit(exit)} after ${(uptimeMs / 1000).toFixed(1)} s; ` +
        `restarting in ${(delay / 1000).toFixed(1)} s (crash ${entry.backoff.crashes} in a row); the others keep serving`,
    );
    entry.timer = this.clock.setTimeout(() => this.restart(entry), delay);
  }

  private restart(entry: Supervised): void {
    entry.timer = undefined;
    if (this.stopping) return;
    entry.restarts++;
    this.launch(entry);
    this.options.log(
      `${entry.app.name} restarted (restart ${entry.restarts}); restarts: ${this.describeRestarts()}`,
    );
    for (const listener of this.listeners) listener(entry.app.name, entry.restarts);
    const restarts = entry.restarts;
    entry.app.ready(this.options.readyTimeoutMs).then(
      () => this.options.log(`${entry.app.name} ready again after restart ${restarts}`),
      (error: Error) =>
        this.options.log(`${entry.app.name} not ready after restart ${restarts}: ${error.message}`),
    );
  }
}
