/** How a supervised process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** What the {@link Supervisor} needs of a process: start it, learn when it ends, stop it. */
export interface SupervisedProcess {
  readonly name: string;
  /** Spawns the process; `onExit` is called once when this incarnation ends. */
  start(onExit: (exit: ProcessExit) => void): void;
  /** Resolves once the process serves (its readiness probe answers 200). */
  ready(timeoutMs?: number): Promise<void>;
  /** Stops the running incarnation gracefully; resolves when it is gone. */
  stop(): Promise<void>;
}

/** `code 1` or `signal SIGKILL`, for log lines. */
export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}
