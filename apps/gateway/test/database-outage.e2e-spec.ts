import { waitFor } from '@sibyl/testing';
import { gatewayBehindDatabaseProxy } from './gateway.harness';

describe('gateway: database unreachable', () => {
  const stack = gatewayBehindDatabaseProxy({
    MONGODB_TIMEOUT_MS: '1000',
    DATABASE_OPERATION_TIMEOUT_MS: '1000',
  });

  it('answers 503 with a message (never 500) while the database is cut off, and recovers', async () => {
    const { proxy, gateway } = stack;
    const accepted = await gateway.postJson(`${gateway.url}/v1/predictions`, {
      text: 'before the outage',
    });
    expect(accepted.status).toBe(202);
    const { trackingId } = (await accepted.json()) as { trackingId: string };

    proxy.cut();
    const started = Date.now();
    const refused = await gateway.postJson(`${gateway.url}/v1/predictions`, {
      text: 'during the outage',
    });
    expect(refused.status).toBe(503);
    // Well under the driver's default 30 s server selection, so MONGODB_TIMEOUT_MS (1 s) applies; loose enough for a busy
    // machine.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(refused.headers.get('retry-after')).toBe('1');
    // Either the driver reports the cut connection, or (when the insert went out on a socket the cut
    // closed in the same instant) no answer comes and DATABASE_OPERATION_TIMEOUT_MS (1 s) ends the wait:
    // both are an honest 503, never a hang.
    expect(await refused.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: expect.stringMatching(
        /^database (unavailable; nothing was stored|did not answer within 1000 ms \(DATABASE_OPERATION_TIMEOUT_MS\)) — retry later$/,
      ),
    });

    expect(
      (await gateway.postJson(`${gateway.url}/v1/predictions/batch`, { texts: ['a', 'b'] })).status,
    ).toBe(503);
    expect((await gateway.fetch(`${gateway.url}/v1/predictions/${trackingId}`)).status).toBe(503);
    const ready = await gateway.fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      details: { database: { status: 'down' }, outbox: { status: 'up' } },
      broker: { connected: true, gating: false },
    });
    expect((await gateway.fetch(`${gateway.url}/health/live`)).status).toBe(200);
    expect(await (await gateway.fetch(`${gateway.url}/metrics`)).text()).toMatch(
      /^sibyl_requests_rejected_total\{reason="unavailable"\} [1-9]\d*$/m,
    );

    proxy.restore();
    const recovered = await waitFor(
      async () => {
        const response = await gateway.postJson(`${gateway.url}/v1/predictions`, {
          text: 'after the outage',
        });
        return response.status === 202 ? response : undefined;
      },
      { timeoutMs: 30000, intervalMs: 500, description: 'the database to be back' },
    );
    expect(recovered.status).toBe(202);
    expect((await gateway.fetch(`${gateway.url}/v1/predictions/${trackingId}`)).status).toBe(200);
  });
});
