import { HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from 'mongoose';
import { DatabasePingHealthIndicator } from './database-ping.health';
import { DATABASE_PING_TIMEOUT_MS } from './health.constants';

/** A connection whose `ping` command answers as `answer` says; counts the pings sent. */
function connection(answer: () => Promise<unknown>, readyState = 1) {
  const pings = { count: 0 };
  const fake = {
    readyState,
    db: {
      admin: () => ({
        command: (command: object) => {
          expect(command).toEqual({ ping: 1 });
          pings.count += 1;
          return answer();
        },
      }),
    },
  };
  return { fake: fake as unknown as Connection, pings };
}

const indicator = (fake: Connection) =>
  new DatabasePingHealthIndicator(fake, new HealthIndicatorService());

describe('DatabasePingHealthIndicator', () => {
  afterEach(() => jest.useRealTimers());

  it('is up when the database answers the ping', async () => {
    const { fake } = connection(async () => ({ ok: 1 }));
    await expect(indicator(fake).isAnswering()).resolves.toEqual({ database: { status: 'up' } });
  });

  it('is down when the connected driver gets no answer within the bound (a frozen server)', async () => {
    jest.useFakeTimers();
    const { fake } = connection(() => new Promise(() => undefined));
    const result = indicator(fake).isAnswering();
    await jest.advanceTimersByTimeAsync(DATABASE_PING_TIMEOUT_MS);
    await expect(result).resolves.toEqual({
      database: {
        status: 'down',
        message: `database does not answer: ping: no answer from the database within ${DATABASE_PING_TIMEOUT_MS} ms`,
      },
    });
  });

  it('is down with the error when the ping fails, and when the driver is not connected', async () => {
    const failing = connection(async () => Promise.reject(new Error('connection reset')));
    await expect(indicator(failing.fake).isAnswering('db')).resolves.toEqual({
      db: { status: 'down', message: 'database does not answer: connection reset' },
    });
    const disconnected = connection(async () => ({ ok: 1 }), 0);
    await expect(indicator(disconnected.fake).isAnswering()).resolves.toEqual({
      database: { status: 'down', message: 'database does not answer: not connected' },
    });
    expect(disconnected.pings.count).toBe(0);
  });

  it('shares one ping between concurrent probes, and pings again afterwards', async () => {
    const { fake, pings } = connection(async () => ({ ok: 1 }));
    const probe = indicator(fake);
    await Promise.all([probe.isAnswering(), probe.isAnswering(), probe.isAnswering()]);
    expect(pings.count).toBe(1);
    await probe.isAnswering();
    expect(pings.count).toBe(2);
  });
});
