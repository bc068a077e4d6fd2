import fc from 'fast-check';
import { anyJson, anyString, apiShapedBody, deeplyNested } from './json.arbitrary';

/** One HTTP request of the fuzz suite. */
export interface FuzzRequest {
  method: string;
  /** Path and query, already encoded where it has to be. */
  path: string;
  headers: Record<string, string>;
  /** Raw body bytes, if any. */
  body?: Buffer;
}

/** What the generator may use that depends on the run: valid ids and keys. */
export interface FuzzContext {
  /** Tracking ids that exist (submitted by the canary). */
  knownIds: string[];
  /** A valid API key, if the gateway has keys. */
  apiKey?: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/** Tracking ids: real ones, well-formed unknown ones, and garbage (encoded so it stays one segment). */
const ids = (context: FuzzContext): fc.Arbitrary<string> =>
  fc.oneof(
    context.knownIds.length ? fc.constantFrom(...context.knownIds) : fc.uuid(),
    fc.uuid(),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 24, maxLength: 24 }),
    anyString(),
    fc.constantFrom(
      '..',
      '%2e%2e',
      'null',
      'undefined',
      '0',
      '-1',
      '$where',
      '{"$gt":""}',
      'a'.repeat(5000),
    ),
  );

const encodeSegment = (id: string): string => {
  try {
    return encodeURIComponent(id);
  } catch {
    return encodeURIComponent(id.replace(/[\uD800-\uDFFF]/g, '?'));
  }
};

/** Every route of the gateway (and some that do not exist), with random ids and queries. */
const paths = (context: FuzzContext): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        '/v1/predictions',
        '/v1/predictions/batch',
        '/v1/predictions/lookup',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '/v1/queue',
        '/v1/keys',
        '/v1/keys/me',
        '/metrics',
        '/health/live',
        '/health/ready',
        '/docs',
        '/docs-json',
        '/',
        '/v2/predictions',
        '/v1/predictions/',
        '//v1//predictions',
      ),
    },
    { weight: 2, arbitrary: ids(context).map((id) => `/v1/predictions/${encodeSegment(id)}`) },
    {
      weight: 2,
      arbitrary: ids(context).map((id) => `/v1/predictions/${encodeSegment(id)}/feedback`),
    },
    { weight: 1, arbitrary: ids(context).map((id) => `/v1/keys/${encodeSegment(id)}`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          ids(context),
          fc.oneof(fc.integer({ min: -10, max: 100_000 }).map(String), anyString()),
        )
        .map(
          ([id, wait]) =>
            `/v1/predictions/${encodeSegment(id)}?wait=${encodeSegment(wait).slice(0, 64)}`,
        ),
    },
    { weight: 1, arbitrary: anyString().map((s) => `/v1/${encodeSegment(s).slice(0, 2000)}`) },
  );

/** Authorization headers: none, the valid key, wrong keys and malformed values. */
const authorization = (context: FuzzContext): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant(context.apiKey ? `Bearer ${context.apiKey}` : undefined),
    fc.constant(context.apiKey ? `Bearer ${context.apiKey}` : undefined),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'bearer sk_x',
      'Bearer sk_' + 'A'.repeat(43),
    ),
    fc.string({ maxLength: 200 }).map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, 'x')}`),
  );

/** Content types, mostly JSON, some lies. */
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** Bodies: API-shaped JSON, any JSON, deep nesting, invalid JSON, invalid UTF-8, big. */
const bodies = (context: FuzzContext): fc.Arbitrary<Buffer | undefined> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 5,
      arbitrary: apiShapedBody(ids(context)).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
    },
    { weight: 2, arbitrary: anyJson().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
    { weight: 2, arbitrary: deeplyNested().map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: anyString().map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 900_000, max: 2_500_000 })
        .map((n) => Buffer.from(JSON.stringify({ text: 'a'.repeat(n) }))),
    },
  );

/** Random requests over the whole HTTP API. */
export function fuzzRequests(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('GET', 'POST') },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      path: paths(context),
      authorization: authorization(context),
      contentType,
      body: bodies(context),
      extra: fc.dictionary(
        fc.constantFrom(
          'accept',
          'x-forwarded-for',
          'origin',
          'accept-encoding',
          'x-request-id',
          'content-encoding',
          'cookie',
        ),
        fc.string({ maxLength: 100 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
        { maxKeys: 3 },
      ),
    })
    .map(({ method, path, authorization, contentType, body, extra }) => {
      const headers: Record<string, string> = { ...extra };
      if (authorization) headers['authorization'] = authorization;
      if (contentType !== undefined && body) headers['content-type'] = contentType;
      const withBody = body && !['GET', 'HEAD'].includes(method);
      return { method, path, headers, body: withBody ? body : undefined };
    });
}
