import { randomUUID } from 'node:crypto';
import { bearer, createTestApiKey } from '@sibyl/auth/testing';
import { gatewayBehindDatabaseProxy } from './gateway.harness';

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
