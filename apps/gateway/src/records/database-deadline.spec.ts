import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { resolveMetricsOptions } from '@sibyl/observability';
import { Registry } from 'prom-client';
import { DatabaseDeadline } from './database-deadline';

describe('DatabaseDeadline', () => {
  const never = new Promise<never>(() => undefined);
  let registry: Registry;
  let deadline: DatabaseDeadline;
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    registry = new Registry();
    deadline = new DatabaseDeadline(50, registry, resolveMetricsOptions());
  });
  afterEach(() => jest.restoreAllMocks());

  const timeouts = async () =>
    (await registry.getSingleMetric('sibyl_database_timeouts_total')?.get())?.values.map(
      ({ labels, value }) => ({ labels, value }),
    );

  it('answers an API-key lookup the database does not answer in time 503 with the bound, counted', async () => {
    const answer = deadline.forApiKeys('lookup of an API key', never);
    await expect(answer).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(answer).rejects.toThrow(
      'cannot verify the API key now: database did not answer within 50 ms (DATABASE_OPERATION_TIMEOUT_MS) — retry later',
    );
    expect(await timeouts()).toEqual([{ labels: { operation: 'api_key' }, value: 1 }]);
  });

  it('passes an answer in time, and another failure, through unchanged', async () => {
    await expect(deadline.forApiKeys('lookup', Promise.resolve('key'))).resolves.toBe('key');
    const refused = new Error('connection refused');
    await expect(deadline.forApiKeys('lookup', Promise.reject(refused))).rejects.toBe(refused);
    expect(await timeouts()).toEqual([]);
  });
});
