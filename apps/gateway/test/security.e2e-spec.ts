import { randomUUID } from 'node:crypto';
import { ApiKeyStore } from '@sibyl/auth';
import { createGatewayApp } from '../src/gateway.app';
import { postJson, RunningGateway, startGateway } from './gateway.harness';

const ALLOWED_ORIGIN = 'http://127.0.0.1:4200';
const CACHE_TTL_MS = 300;
const UNAUTH_PER_MINUTE = 40;

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

/** Issue 10, rule by rule, on both HTTP adapters: keys, scopes, ownership, limits, hardening. */
describe.each(['express', 'fastify'])('gateway security (%s)', (adapter) => {
  let gateway: RunningGateway;
  let api: string;
  const keys: Record<string, string> = {};

  /** `fetch` with `key` (none when undefined). */
  const as = (key: string | undefined, path: string, init: RequestInit = {}) =>
    fetch(`${api}${path}`, {
      ...init,
      headers: { ...(init.headers as object), ...(key ? { authorization: `Bearer ${key}` } : {}) },
    });
  const post = (key: string | undefined, path: string, body: unknown) =>
    postJson(`${api}${path}`, body, key ? { authorization: `Bearer ${key}` } : {});

  async function expectError(response: Response, status: number): Promise<string> {
    const body = (await response.json()) as ErrorBody;
    expect({ status: response.status, statusCode: body.statusCode }).toEqual({
      status,
      statusCode: status,
    });
    expect(typeof body.error).toBe('string');
    return ([] as string[]).concat(body.message).join('; ');
  }

  async function createKey(name: string, scopes: string[], rateLimit?: number): Promise<string> {
    const response = await post(gateway.key, '/v1/keys', { name, scopes, rateLimit });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { key: string; name: string; scopes: string[] };
    expect(created).toMatchObject({ name, scopes, key: expect.stringMatching(/^sk_/) });
    return created.key;
  }

  beforeAll(async () => {
    gateway = await startGateway({
      HTTP_ADAPTER: adapter,
      AUTH_CACHE_TTL_MS: String(CACHE_TTL_MS),
      UNAUTH_RATE_LIMIT_PER_MINUTE: String(UNAUTH_PER_MINUTE),
      MAX_LONG_POLLS_PER_KEY: '1',
      MAX_WAIT_MS: '5000',
      CORS_ORIGINS: ALLOWED_ORIGIN,
    });
    api = gateway.url;
    keys.alice = await createKey('alice', ['predict', 'read', 'feedback']);
    keys.bob = await createKey('bob', ['predict', 'read', 'feedback']);
    keys.reader = await createKey('reader', ['read']);
    keys.metrics = await createKey('prometheus', ['metrics']);
    keys.slow = await createKey('slow', ['predict'], 0.2);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('answers 401 with WWW-Authenticate to a missing, malformed or unknown key', async () => {
    for (const key of [undefined, 'not-a-key', `sk_${'A'.repeat(43)}`]) {
      const response = await as(key, '/v1/queue');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="sibyl"');
      expect(await expectError(response, 401)).toMatch(/API key/);
    }
  });

  it('lets health probes through without a key', async () => {
    expect((await as(undefined, '/health/live')).status).toBe(200);
  });

  it('answers 403 when the key lacks the scope', async () => {
    expect(await expectError(await post(keys.reader, '/v1/predictions', { text: 'hi' }), 403)).toBe(
      'this API key lacks the scope predict',
    );
    await expectError(await as(keys.alice, '/v1/queue'), 403);
    await expectError(await as(keys.alice, '/metrics'), 403);
    await expectError(await as(keys.alice, '/v1/keys'), 403);
    expect((await as(keys.metrics, '/metrics')).status).toBe(200);
    expect((await as(gateway.key, '/metrics')).status).toBe(200);
    await expectError(await as(keys.metrics, '/v1/queue'), 403);
  });

  it("hides another key's predictions: 404, unknown in lookups, no feedback", async () => {
    const submitted = await post(keys.alice, '/v1/predictions', { text: 'Hej världen' });
    const { trackingId } = (await submitted.json()) as { trackingId: string };
    expect((await as(keys.alice, `/v1/predictions/${trackingId}`)).status).toBe(200);
    expect(await expectError(await as(keys.bob, `/v1/predictions/${trackingId}`), 404)).toBe(
      `no prediction with trackingId ${trackingId}`,
    );
    const lookup = await post(keys.bob, '/v1/predictions/lookup', { trackingIds: [trackingId] });
    expect(await lookup.json()).toEqual({ items: [], unknown: [trackingId] });
    const own = await post(keys.alice, '/v1/predictions/lookup', { trackingIds: [trackingId] });
    expect(((await own.json()) as { items: unknown[] }).items).toHaveLength(1);
    await expectError(
      await post(keys.bob, `/v1/predictions/${trackingId}/feedback`, { language: 'sv' }),
      404,
    );
    // Alice may: her request is not done yet (no predictor runs here), hence 409, not 404.
    await expectError(
      await post(keys.alice, `/v1/predictions/${trackingId}/feedback`, { language: 'sv' }),
      409,
    );
    const stored = await gateway.db.collection('predictions').findOne({ _id: trackingId as never });
    expect(stored?.owner).toMatch(/^[0-9a-f]{64}$/);
  });

  it('manages keys: me, list without secrets, duplicates and bad scopes refused', async () => {
    expect(await (await as(keys.reader, '/v1/keys/me')).json()).toEqual({
      name: 'reader',
      scopes: ['read'],
      rateLimit: null,
    });
    const list = (await (await as(gateway.key, '/v1/keys')).json()) as {
      items: Array<Record<string, unknown>>;
    };
    expect(list.items.map((item) => item.name)).toEqual(
      expect.arrayContaining(['alice', 'bob', 'reader', 'prometheus', 'slow']),
    );
    expect(JSON.stringify(list)).not.toMatch(/sk_/);
    await expectError(
      await post(gateway.key, '/v1/keys', { name: 'alice', scopes: ['read'] }),
      409,
    );
    expect(
      await expectError(await post(gateway.key, '/v1/keys', { name: 'x', scopes: ['root'] }), 400),
    ).toMatch(/each scope must be one of/);
    await expectError(await as(gateway.key, '/v1/keys/nobody', { method: 'DELETE' }), 404);
  });

  it("answers 429 with Retry-After and RateLimit headers past the key's bucket", async () => {
    // rateLimit 0.2/s → a burst of 1 (the default burst lasts RATE_LIMIT_BURST / RATE_LIMIT_PER_SECOND
    // = 2 s): the second request within 5 s is refused, however slow the machine.
    const first = await post(keys.slow, '/v1/predictions', { text: 'x' });
    expect(first.status).toBe(202);
    expect(first.headers.get('ratelimit-limit')).toBe('1');
    expect(first.headers.get('ratelimit-remaining')).toBe('0');
    let refused = await post(keys.slow, '/v1/predictions', { text: 'x' });
    for (let i = 0; refused.status === 202 && i < 10; i++) {
      refused = await post(keys.slow, '/v1/predictions', { text: 'x' });
    }
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('ratelimit-limit')).toBe('1');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    expect(await expectError(refused, 429)).toMatch(
      /rate limit of this API key exceeded \(0\.2 requests\/s\)/,
    );
  });

  it('caps concurrent long polls per key with 429', async () => {
    const submitted = await post(keys.bob, '/v1/predictions', { text: 'never predicted here' });
    const { trackingId } = (await submitted.json()) as { trackingId: string };
    // MAX_LONG_POLLS_PER_KEY=1: of two concurrent polls (nothing completes the request here),
    // one waits and answers 200 (still queued), the other is refused at once.
    const answers = await Promise.all(
      [0, 1].map(() => as(keys.bob, `/v1/predictions/${trackingId}?wait=5000`)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 429]);
    const refused = answers.find((answer) => answer.status === 429) as Response;
    expect(await expectError(refused, 429)).toMatch(/MAX_LONG_POLLS_PER_KEY=1/);
    expect(refused.headers.get('retry-after')).toBe('1');
  });

  it('refuses a body over the default 1 MiB with 413 JSON', async () => {
    const response = await post(keys.alice, '/v1/predictions', { text: 'x'.repeat(1100 * 1024) });
    expect(await expectError(response, 413)).toMatch(/request body exceeds 1048576 bytes/);
  });

  it('refuses deeply nested JSON with 400 before parsing it', async () => {
    const deep = `{"text": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(await expectError(await post(keys.alice, '/v1/predictions', deep), 400)).toMatch(
      /nests deeper than 32 levels/,
    );
    expect((await as(undefined, '/health/live')).status).toBe(200);
  });

  it('refuses an oversized batch with 413 before validating its items', async () => {
    const items = Array.from({ length: 501 }, () => ({ not: 'a string' }));
    expect(
      await expectError(await post(keys.alice, '/v1/predictions/batch', { texts: items }), 413),
    ).toBe('a batch holds at most 500 texts; this one has 501');
  });

  it('sends the hardening headers, with a CSP for the API and one for /docs', async () => {
    for (const response of [
      await as(keys.alice, '/v1/keys/me'),
      await as(undefined, '/v1/queue'),
      await as(undefined, '/nothing'),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
      );
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
    const docs = await as(undefined, adapter === 'express' ? '/docs/' : '/docs-json');
    expect(docs.status).toBe(200);
    if (adapter === 'express') {
      expect(docs.headers.get('content-security-policy')).toContain(
        "style-src 'self' 'unsafe-inline'",
      );
    }
  });

  it('allows cross-origin calls from CORS_ORIGINS only', async () => {
    const preflight = (origin: string) =>
      as(undefined, '/v1/predictions', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('stops honouring a revoked key: at once here, within the cache TTL elsewhere', async () => {
    const temp = await createKey('temp', ['read']);
    expect((await as(temp, '/v1/keys/me')).status).toBe(200);
    expect((await as(gateway.key, '/v1/keys/temp', { method: 'DELETE' })).status).toBe(204);
    expect((await as(temp, '/v1/keys/me')).status).toBe(401);

    const other = await createKey('revoked-elsewhere', ['read']);
    expect((await as(other, '/v1/keys/me')).status).toBe(200);
    // As `npm run keys -- revoke` does: straight in the database, this gateway is not told.
    expect(await new ApiKeyStore(gateway.db).revoke('revoked-elsewhere')).toBe('revoked');
    await new Promise((resolve) => setTimeout(resolve, CACHE_TTL_MS + 100));
    expect((await as(other, '/v1/keys/me')).status).toBe(401);
    const listed = (await (await as(gateway.key, '/v1/keys')).json()) as {
      items: Array<{ name: string; revokedAt: string | null; lastUsedAt: string | null }>;
    };
    expect(listed.items.find((item) => item.name === 'revoked-elsewhere')).toMatchObject({
      revokedAt: expect.any(String),
      lastUsedAt: expect.any(String),
    });
  });

  it('limits attempts without a valid key per client address (429)', async () => {
    // Attempts until the address's bucket is empty (it refills at UNAUTH_PER_MINUTE / 60 per second,
    // so however slow the machine, requests outpace it long before the cap of attempts).
    const statuses: number[] = [];
    let last: Response | undefined;
    while (last?.status !== 429 && statuses.length < UNAUTH_PER_MINUTE * 10) {
      if (last) await last.body?.cancel();
      last = await as(`sk_${randomUUID()}`, '/v1/keys/me');
      statuses.push(last.status);
    }
    expect(statuses).toContain(401);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    const refused = last as Response;
    expect(await expectError(refused, 429)).toMatch(/without a valid API key/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // A valid key still works from the same address.
    expect((await as(keys.reader, '/v1/keys/me')).status).toBe(200);
  });
});

describe('AUTH=off', () => {
  it('is refused unless the gateway binds to loopback', async () => {
    await expect(createGatewayApp({ AUTH: 'off', GATEWAY_HOST: '0.0.0.0' })).rejects.toThrow(
      /AUTH=off is only allowed when the gateway binds to loopback/,
    );
  });

  it('serves without keys on loopback', async () => {
    const gateway = await startGateway({ AUTH: 'off', GATEWAY_HOST: '127.0.0.1' });
    try {
      expect(gateway.key).toBeUndefined();
      const response = await postJson(`${gateway.url}/v1/predictions`, { text: 'open' });
      expect(response.status).toBe(202);
      expect((await fetch(`${gateway.url}/v1/queue`)).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});
