import { randomUUID } from 'node:crypto';
import { RunningGateway, startGateway } from './gateway.harness';

const MAX_TEXT_BYTES = 1000;

/** Every client mistake gets a 4xx with a message — on both HTTP adapters. */
describe.each(['express', 'fastify'])('gateway API validation (%s)', (adapter) => {
  let gateway: RunningGateway;
  let predictions: string;

  beforeAll(async () => {
    gateway = await startGateway({
      HTTP_ADAPTER: adapter,
      MAX_TEXT_BYTES: String(MAX_TEXT_BYTES),
      MAX_BODY_BYTES: '50000',
      MAX_BATCH_ITEMS: '3',
      CORS_ORIGINS: 'http://127.0.0.1:3001',
    });
    predictions = `${gateway.url}/v1/predictions`;
  });

  afterAll(async () => {
    await gateway?.close();
  });

  /** Asserts the status and the `{ statusCode, error, message }` shape; returns the message. */
  async function expectError(response: Response, status: number): Promise<string> {
    const body = (await response.json()) as {
      statusCode: number;
      error: string;
      message: string | string[];
    };
    expect({ status: response.status, statusCode: body.statusCode }).toEqual({
      status,
      statusCode: status,
    });
    expect(typeof body.error).toBe('string');
    return ([] as string[]).concat(body.message).join('; ');
  }

  it('accepts a valid text with 202, the tracking id and a Location header', async () => {
    const response = await gateway.postJson(predictions, { text: 'Hej världen' });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { trackingId: string; status: string };
    expect(body).toEqual({
      trackingId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'queued',
    });
    expect(response.headers.get('location')).toBe(`/v1/predictions/${body.trackingId}`);
  });

  it.each([
    ['a missing text', {}, /text must be a string/],
    ['an empty text', { text: '' }, /text must not be empty/],
    ['a non-string text', { text: 42 }, /text must be a string/],
    ['an unknown field', { text: 'hi', priority: 1 }, /property priority should not exist/],
    ['an array body', [{ text: 'hi' }], /must be a JSON object/],
  ])('refuses %s with 400', async (_case, body, message) => {
    expect(await expectError(await gateway.postJson(predictions, body), 400)).toMatch(message);
  });

  it('refuses malformed JSON with 400', async () => {
    expect(
      await expectError(await gateway.postJson(predictions, '{"text": "unterminated'), 400),
    ).toMatch(/malformed JSON/);
  });

  it('refuses a text over MAX_TEXT_BYTES with 413, counting UTF-8 bytes', async () => {
    const text = 'ä'.repeat(MAX_TEXT_BYTES / 2 + 1); // 2 bytes each
    expect(await expectError(await gateway.postJson(predictions, { text }), 413)).toBe(
      `text is ${MAX_TEXT_BYTES + 2} bytes; the limit is ${MAX_TEXT_BYTES} bytes (UTF-8)`,
    );
  });

  it('refuses a body over MAX_BODY_BYTES with 413 and a clear message', async () => {
    expect(
      await expectError(await gateway.postJson(predictions, { text: 'x'.repeat(60000) }), 413),
    ).toMatch(/request body exceeds 50000 bytes/);
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'text=hello'],
    ['application/xml', '<text>hello</text>'],
  ])('refuses a %s body with 415', async (type, body) => {
    const response = await gateway.fetch(predictions, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(await expectError(response, 415)).toMatch(/Content-Type must be application\/json/);
  });

  it.each([
    ['POST', '/v1/keys'],
    ['POST', '/v1/models/rollback'],
    ['POST', '/v1/models/v1/promote'],
  ])('refuses a text/plain body on %s %s with 415 too', async (method, path) => {
    const response = await gateway.fetch(`${gateway.url}${path}`, {
      method,
      headers: { 'content-type': 'text/plain' },
      body: 'name=x',
    });
    expect(await expectError(response, 415)).toMatch(/Content-Type must be application\/json/);
  });

  it('accepts a batch and answers the ids in order', async () => {
    const response = await gateway.postJson(`${predictions}/batch`, {
      texts: ['one', 'two', 'three'],
    });
    expect(response.status).toBe(202);
    const { items } = (await response.json()) as {
      items: Array<{ trackingId: string; status: string }>;
    };
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.trackingId)).size).toBe(3);
    expect(items.every((i) => i.status === 'queued')).toBe(true);
  });

  it.each([
    ['too many texts', { texts: ['a', 'b', 'c', 'd'] }, 413, /at most 3 texts; this one has 4/],
    [
      'an oversized text',
      { texts: ['a', 'x'.repeat(MAX_TEXT_BYTES + 1)] },
      413,
      /texts\[1\] is 1001 bytes/,
    ],
    ['an empty list', { texts: [] }, 400, /at least one text/],
    ['a non-string item', { texts: ['a', 7] }, 400, /each text must be a string/],
    ['texts not being a list', { texts: 'a' }, 400, /texts must be an array/],
  ])('refuses a batch with %s', async (_case, body, status, message) => {
    expect(await expectError(await gateway.postJson(`${predictions}/batch`, body), status)).toMatch(
      message,
    );
  });

  it('refuses an ill-formed id with 400 and an unknown id with 404', async () => {
    expect(await expectError(await gateway.fetch(`${predictions}/not-a-uuid`), 400)).toMatch(
      /id must be a UUID/,
    );
    expect(await expectError(await gateway.fetch(`${predictions}/${randomUUID()}`), 404)).toMatch(
      /no prediction with trackingId/,
    );
  });

  it('refuses an over-long id with a 4xx in the API error shape (Fastify: its router answers 414)', async () => {
    const status = adapter === 'fastify' ? 414 : 400;
    const message = await expectError(
      await gateway.fetch(`${predictions}/${'a'.repeat(500)}`),
      status,
    );
    expect(message).toMatch(
      adapter === 'fastify' ? /longer than 100 characters/ : /id must be a UUID/,
    );
    expect(message).not.toContain('aaaaaaaaaa');
  });

  it('refuses a bad wait parameter and unknown query parameters with 400', async () => {
    const response = await gateway.postJson(predictions, { text: 'wait for me' });
    const { trackingId } = (await response.json()) as { trackingId: string };
    expect(
      await expectError(await gateway.fetch(`${predictions}/${trackingId}?wait=soon`), 400),
    ).toMatch(/wait must be a whole number/);
    expect(
      await expectError(await gateway.fetch(`${predictions}/${trackingId}?wait=-5`), 400),
    ).toMatch(/wait must not be negative/);
    for (const wait of ['0x10', '1e3', '', '1.5', '99999999999999999999', '5&wait=6']) {
      expect(
        await expectError(await gateway.fetch(`${predictions}/${trackingId}?wait=${wait}`), 400),
      ).toMatch(/wait must be a whole number/);
    }
    expect((await gateway.fetch(`${predictions}/${trackingId}?wait=0`)).status).toBe(200);
    expect(
      await expectError(await gateway.fetch(`${predictions}/${trackingId}?foo=1`), 400),
    ).toMatch(/property foo should not exist/);
  });

  it('validates lookups: 400 for a missing, empty, oversized or malformed id list', async () => {
    const lookup = `${predictions}/lookup`;
    expect(await expectError(await gateway.postJson(lookup, {}), 400)).toMatch(
      /trackingIds must be an array/,
    );
    expect(await expectError(await gateway.postJson(lookup, { trackingIds: [] }), 400)).toMatch(
      /at least one id/,
    );
    expect(
      await expectError(await gateway.postJson(lookup, { trackingIds: ['nope'] }), 400),
    ).toMatch(/must be a UUID/);
    const tooMany = Array.from({ length: 1001 }, () => randomUUID());
    expect(
      await expectError(await gateway.postJson(lookup, { trackingIds: tooMany }), 400),
    ).toMatch(/at most 1000 ids/);
    const { trackingId } = (await (
      await gateway.postJson(predictions, { text: 'look me up' })
    ).json()) as {
      trackingId: string;
    };
    const stranger = randomUUID();
    const found = await gateway.postJson(lookup, { trackingIds: [trackingId, stranger] });
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({
      items: [expect.objectContaining({ trackingId, status: 'queued' })],
      unknown: [stranger],
    });
  });

  it('validates feedback: 400 for a bad language, 404 for an unknown id, 409 while not done', async () => {
    const { trackingId } = (await (
      await gateway.postJson(predictions, { text: 'feedback please' })
    ).json()) as { trackingId: string };
    expect(
      await expectError(
        await gateway.postJson(`${predictions}/${trackingId}/feedback`, { language: 'Swedish' }),
        400,
      ),
    ).toMatch(/language must be/);
    expect(
      await expectError(
        await gateway.postJson(`${predictions}/${trackingId}/feedback`, { language: 'qq' }),
        400,
      ),
    ).toMatch(/supported codes/);
    expect(
      await expectError(
        await gateway.postJson(`${predictions}/${randomUUID()}/feedback`, { language: 'sv' }),
        404,
      ),
    ).toMatch(/no prediction/);
    expect(
      await expectError(
        await gateway.postJson(`${predictions}/${trackingId}/feedback`, { language: 'sv' }),
        409,
      ),
    ).toMatch(/only once the prediction is done/);
  });

  it('answers unknown routes with 404, never 500', async () => {
    expect((await gateway.fetch(`${gateway.url}/v2/nothing`)).status).toBe(404);
  });

  it('counts accepted and rejected submissions in /metrics', async () => {
    const text = await (await gateway.fetch(`${gateway.url}/metrics`)).text();
    expect(text).toMatch(/^sibyl_requests_accepted_total [1-9]\d*$/m);
    expect(text).toMatch(/^sibyl_requests_rejected_total\{reason="invalid"\} [1-9]\d*$/m);
    expect(text).toMatch(/^sibyl_requests_rejected_total\{reason="too_large"\} [1-9]\d*$/m);
    expect(text).toMatch(
      /^sibyl_requests_rejected_total\{reason="unsupported_media_type"\} [1-9]\d*$/m,
    );
    expect(text).toMatch(/^sibyl_requests_rejected_total\{reason="malformed_json"\} 1$/m);
  });

  it('serves the OpenAPI document and allows cross-origin calls from CORS_ORIGINS', async () => {
    const document = (await (await gateway.fetch(`${gateway.url}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/predictions',
        '/v1/predictions/batch',
        '/v1/predictions/lookup',
        '/v1/predictions/{id}',
        '/v1/predictions/{id}/feedback',
        '/v1/queue',
      ]),
    );
    if (adapter === 'express')
      expect(await (await gateway.fetch(`${gateway.url}/docs`)).text()).toMatch(/swagger-ui/i);
    const preflight = await gateway.fetch(predictions, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:3001',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3001');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
  });
});
