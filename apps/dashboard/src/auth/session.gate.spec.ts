import type { Request, Response } from '../http/express-types';
import type { KeyCheck, KeyVerifier } from './key-verifier';
import { SessionGate } from './session.gate';
import type { SessionService } from './session.service';

/** A request as Express would hand it to the gate. */
function request(path: string, init: Partial<Request> & { html?: boolean } = {}): Request {
  return {
    method: 'GET',
    path,
    originalUrl: path,
    headers: {},
    accepts: () => (init.html ? 'html' : 'json'),
    ...init,
  };
}

/** A response recording what the gate did. */
function response() {
  const record: {
    status?: number;
    body?: unknown;
    location?: string;
    headers: Record<string, string>;
  } = {
    headers: {},
  };
  const res: Response = {
    status: (code) => ((record.status = code), res),
    json: (body) => ((record.body = body), res),
    type: () => res,
    send: () => res,
    setHeader: (name, value) => ((record.headers[name] = value), res),
    redirect: (status, url) => {
      record.status = status;
      record.location = url;
    },
  };
  return { res, record };
}

function gateWith(loggedIn: boolean, keyCheck?: KeyCheck) {
  const sessions = {
    current: () => (loggedIn ? { sub: 'ops' } : undefined),
  } as unknown as SessionService;
  const keys = { verify: jest.fn(async () => keyCheck) } as unknown as KeyVerifier;
  return new SessionGate(sessions, keys);
}

async function run(gate: SessionGate, req: Request) {
  const { res, record } = response();
  let passed = false;
  gate.handle(req, res, () => (passed = true));
  await new Promise((resolve) => setImmediate(resolve));
  return { passed, ...record };
}

describe('SessionGate', () => {
  it('lets public paths through and nothing that only looks like one', async () => {
    const gate = gateWith(false);
    for (const path of ['/login', '/styles.css', '/health/live', '/health/ready'])
      expect((await run(gate, request(path))).passed).toBe(true);
    for (const path of [
      '/styles.css/../index.html',
      '/styles.css/%2e%2e/index.html',
      '/%E0%A4%A',
      '/login/',
    ])
      expect(await run(gate, request(path))).toMatchObject({ passed: false, status: 401 });
  });

  it('redirects page navigations to the login page and answers 401 JSON to the rest', async () => {
    const gate = gateWith(false);
    expect(await run(gate, request('/ops', { html: true }))).toMatchObject({
      passed: false,
      status: 303,
      location: '/login?next=%2Fops',
    });
    expect(await run(gate, request('/api/events'))).toMatchObject({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized' },
    });
  });

  it('lets a session through, but not an unsafe request from another origin', async () => {
    const gate = gateWith(true);
    expect((await run(gate, request('/api/config'))).passed).toBe(true);
    const crossSite = request('/api/predictions', {
      method: 'POST',
      headers: { origin: 'https://evil.example', host: 'dashboard.example' },
    });
    expect(await run(gate, crossSite)).toMatchObject({ passed: false, status: 403 });
    const sameSite = request('/api/predictions', {
      method: 'POST',
      headers: { origin: 'https://dashboard.example', host: 'dashboard.example' },
    });
    expect((await run(gate, sameSite)).passed).toBe(true);
  });

  it('admits /metrics only with a bearer key that has the metrics or admin scope', async () => {
    const bearer = { headers: { authorization: 'Bearer sk_x' } };
    expect(await run(gateWith(true), request('/metrics'))).toMatchObject({
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="sibyl"' },
    });
    const ok = (scopes: string[]): KeyCheck => ({ ok: true, identity: { name: 'k', scopes } });
    expect((await run(gateWith(false, ok(['metrics'])), request('/metrics', bearer))).passed).toBe(
      true,
    );
    expect((await run(gateWith(false, ok(['admin'])), request('/metrics', bearer))).passed).toBe(
      true,
    );
    expect(await run(gateWith(false, ok(['read'])), request('/metrics', bearer))).toMatchObject({
      status: 403,
    });
    const refused: KeyCheck = { ok: false, reason: 'refused', detail: 'HTTP 401' };
    expect(await run(gateWith(false, refused), request('/metrics', bearer))).toMatchObject({
      status: 401,
    });
    const down: KeyCheck = { ok: false, reason: 'unavailable', detail: 'fetch failed' };
    expect(await run(gateWith(false, down), request('/metrics', bearer))).toMatchObject({
      status: 503,
    });
  });
});
