import type { INestApplication, LoggerService } from '@nestjs/common';
import type { AmqpStrategy } from '../transport/amqp.strategy';
import { installGracefulShutdown } from './graceful-shutdown';

describe('installGracefulShutdown', () => {
  const logger: LoggerService = { log: jest.fn(), error: jest.fn(), warn: jest.fn() };
  const calls: string[] = [];
  const strategy = { close: jest.fn(async () => void calls.push('strategy.close')) };
  const app = { close: jest.fn(async () => void calls.push('app.close')) };
  const exit = jest.fn((code: number) => void calls.push(`exit ${code}`));

  beforeEach(() => {
    calls.length = 0;
    jest.clearAllMocks();
  });

  const install = (timeoutMs = 1000) =>
    installGracefulShutdown(
      app as unknown as INestApplication,
      strategy as unknown as AmqpStrategy,
      {
        timeoutMs,
        logger,
        signals: [],
        exit,
      },
    );

  it('drains the transport, closes the app, then exits 0 — once, however many signals arrive', async () => {
    const shutdown = install();
    await Promise.all([shutdown('SIGTERM'), shutdown('SIGINT')]);
    expect(calls).toEqual(['strategy.close', 'app.close', 'exit 0']);
  });

  it('exits 1 when draining outlasts the timeout', async () => {
    jest.useFakeTimers();
    try {
      strategy.close.mockImplementationOnce(() => new Promise(() => undefined));
      void install(500)('SIGTERM');
      await jest.advanceTimersByTimeAsync(500);
      expect(exit).toHaveBeenCalledWith(1);
      expect(app.close).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('exits 1 when closing fails', async () => {
    app.close.mockRejectedValueOnce(new Error('mongo close failed'));
    await install()('SIGTERM');
    expect(exit).toHaveBeenCalledWith(1);
    expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/mongo close failed/));
  });
});
