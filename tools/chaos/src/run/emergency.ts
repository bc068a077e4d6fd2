/** Restorers registered while something is changed (a frozen database, a stopped broker…). */
const restorers = new Set<() => Promise<void> | void>();

/** Registers `restore` to run if the process is interrupted; returns its unregistration. */
export function onInterrupt(restore: () => Promise<void> | void): () => void {
  restorers.add(restore);
  return () => restorers.delete(restore);
}

/**
 * On SIGINT/SIGTERM: runs every registered restorer (each failure logged, none skipped),
 * then exits with 130. Installed once by the CLI.
 */
export function installInterruptHandler(log: (line: string) => void): void {
  let running = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (running) return;
    running = true;
    log(`${signal}: restoring what the chaos run changed…`);
    void (async () => {
      for (const restore of [...restorers].reverse()) {
        try {
          await restore();
        } catch (error) {
          log(`restore failed: ${(error as Error).message}`);
        }
      }
      process.exit(130);
    })();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
