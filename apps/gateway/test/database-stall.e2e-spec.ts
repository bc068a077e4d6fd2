import { randomUUID } from 'node:crypto';
import { bearer, createTestApiKey } from '@sibyl/auth/testing';
import { Logger } from '@nestjs/common';
import { deletePredictionTopology } from '@sibyl/amqp/testing';
import { dropTestDatabase } from '@sibyl/testing';
import { gatewayBehindDatabaseProxy, RABBITMQ_URL } from './gateway.harness';

/** DATABASE_OPERATION_TIMEOUT_MS of this suite: short, and below MONGODB_TIMEOUT_MS (3 s). */
const OPERATION_TIMEOUT_MS = 500;

describe('gateway: database that accepts connections but never answers', () => {
  const stack = gatewayBehindDatabaseProxy({
    DATABASE_OPERATION_TIMEOUT_MS: String(OPERATION_TIMEOUT_MS),
  });

  it('answers 503 within DATABASE_OPERATION_TIMEOUT_MS, counts and recovers, instead of hanging', async () => {
    const { proxy, gateway } = stack;
    const accepted = await gateway.postJson(`${gateway.url}/v1/predictions`, { text: 'before' });
    expect(accepted.status).toBe(202);
    const { trackingId } = (await accepted.json()) as { trackingId: string };

    proxy.hold();
    const started = Date.now();
    const refused = await gateway.postJson(`${gateway.url}/v1/predictions`, { text: 'stalled' });
    const elapsed = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(elapsed).toBeGreaterThanOrEqual(OPERATION_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(OPERATION_TIMEOUT_MS + 2500); // loose: a busy machine
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: `database did not answer within ${OPERATION_TIMEOUT_MS} ms (DATABASE_OPERATION_TIMEOUT_MS) — retry later`,
    });
    expect((await gateway.fetch(`${gateway.url}/v1/predictions/${trackingId}`)).status).toBe(503);

    const metrics = await (await gateway.fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/^sibyl_database_timeouts_total\{operation="insert"\} 1$/m);
    expect(metrics).toMatch(/^sibyl_database_timeouts_total\{operation="read"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^sibyl_requests_rejected_total\{reason="unavailable"\} 1$/m);

    proxy.release();
    expect((await gateway.fetch(`${gateway.url}/v1/predictions/${trackingId}`)).status).toBe(200);
    const again = await gateway.postJson(`${gateway.url}/v1/predictions`, { text: 'after' });
    expect(again.status).toBe(202);
  });

  it('answers 503 for a key not in the cache within DATABASE_OPERATION_TIMEOUT_MS, counted, instead of hanging', async () => {
    const { proxy, gateway } = stack;
    const { key } = await createTestApiKey(gateway.env.MONGODB_URI);
    proxy.hold();
    const started = Date.now();
    const refused = await fetch(`${gateway.url}/v1/predictions/${randomUUID()}`, {
      headers: bearer(key),
    });
    const elapsed = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(elapsed).toBeGreaterThanOrEqual(OPERATION_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(OPERATION_TIMEOUT_MS + 2500);
    expect(await refused.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: `cannot verify the API key now: database did not answer within ${OPERATION_TIMEOUT_MS} ms (DATABASE_OPERATION_TIMEOUT_MS) — retry later`,
    });
    const metrics = await (await gateway.fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/^sibyl_database_timeouts_total\{operation="api_key"\} 1$/m);

    proxy.release();
    const known = await fetch(`${gateway.url}/v1/predictions/${randomUUID()}`, {
      headers: bearer(key),
    });
    expect(known.status).toBe(404); // verified once the database answers: an unknown id, not 401/503
  });
});

describe('gateway: shutdown while the database never answers', () => {
  // a relay run every 200 ms: one is held by the database when the shutdown starts
  const stack = gatewayBehindDatabaseProxy({
    DATABASE_OPERATION_TIMEOUT_MS: String(OPERATION_TIMEOUT_MS),
    OUTBOX_INTERVAL_MS: '200',
  });
  afterEach(() => jest.restoreAllMocks());

  it('closes within two database bounds, saying what it did not wait for, instead of hanging', async () => {
    const { proxy, gateway } = stack;
    const accepted = await gateway.postJson(`${gateway.url}/v1/predictions`, { text: 'before' });
    expect(accepted.status).toBe(202);
    const errors = jest.spyOn(Logger.prototype, 'error');
    proxy.hold();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // relay runs start and hang
    const started = Date.now();
    await gateway.app.close();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2 * OPERATION_TIMEOUT_MS + 2000); // loose: a busy machine (was ~7 s)
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining(
        `shutdown: the relay's run (retries, sweep) still unfinished after ${2 * OPERATION_TIMEOUT_MS} ms`,
      ),
    );
    // the app is closed: clean up here, not in afterAll
    proxy.release();
    await dropTestDatabase(gateway.env.MONGODB_URI);
    await deletePredictionTopology(RABBITMQ_URL, gateway.names);
    Object.assign(stack, { gateway: undefined });
  });
});
