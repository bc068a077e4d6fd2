import type { INestApplication, LoggerService } from '@nestjs/common';
import type { AmqpStrategy } from '../transport/amqp.strategy';

/** Options of {@link installGracefulShutdown}. */
export interface GracefulShutdownOptions {
  /** After this long the process exits with code 1 even if draining has not finished. */
  timeoutMs: number;
  logger: LoggerService;
  /** Signals that start the shutdown; default SIGTERM and SIGINT. */
  signals?: NodeJS.Signals[];
  /** Ends the process; replaceable in tests. Default `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * On the first signal: stops consuming, lets the in-flight micro-batch finish and be acked
 * ({@link AmqpStrategy.close}), closes the application (HTTP server, broker and database connections) and exits
 * 0 — or exits 1 when that takes longer than `timeoutMs`, in which case the broker redelivers whatever was not
 * acked. Returns the function that runs the shutdown (also callable directly).
 */
export function installGracefulShutdown(
  app: INestApplication,
  strategy: AmqpStrategy,
  {
    timeoutMs,
    logger,
    signals = ['SIGTERM', 'SIGINT'],
    exit = (code) => process.exit(code),
  }: GracefulShutdownOptions,
): (signal: string) => Promise<void> {
  let running: Promise<void> | undefined;
  const shutdown = (signal: string): Promise<void> => {
    running ??= (async () => {
      logger.log(`${signal} received: draining (at most ${timeoutMs} ms)`);
      const deadline = setTimeout(() => {
        logger.error(
          `shutdown did not finish within ${timeoutMs} ms; exiting, unacked messages will be redelivered`,
        );
        exit(1);
      }, timeoutMs);
      deadline.unref();
      try {
        await strategy.close();
        await app.close();
        logger.log('shutdown complete');
        exit(0);
      } catch (error) {
        logger.error(`shutdown failed: ${(error as Error).message}`);
        exit(1);
      } finally {
        clearTimeout(deadline);
      }
    })();
    return running;
  };
  signals.forEach((signal) => process.once(signal, () => void shutdown(signal)));
  return shutdown;
}
