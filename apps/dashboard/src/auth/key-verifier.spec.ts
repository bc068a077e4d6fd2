import { ConfigService } from '@nestjs/config';
import { validateDashboardConfig } from '../config/dashboard.config';
import { KeyVerifier } from './key-verifier';

const config = new ConfigService(
  validateDashboardConfig({ GATEWAY_URL: 'http://gw:3000/' }) as unknown as Record<string, unknown>,
) as never;

function verifierAnswering(...answers: Array<Response | Error>) {
  const calls: Array<{ url: string; authorization?: string }> = [];
  const fetchFn = jest.fn(async (url: string, init?: { headers?: Record<string, string> }) => {
    calls.push({ url, authorization: init?.headers?.['authorization'] });
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer as Response;
  });
  return { verifier: new KeyVerifier(config, fetchFn), calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('KeyVerifier', () => {
  it("asks the gateway's /v1/keys/me with the key as bearer token and caches the answer", async () => {
    const { verifier, calls } = verifierAnswering(json(200, { name: 'ops', scopes: ['admin'] }));
    expect(await verifier.verify('sk_abc')).toEqual({
      ok: true,
      identity: { name: 'ops', scopes: ['admin'] },
    });
    expect(await verifier.verify('sk_abc')).toMatchObject({ ok: true });
    expect(calls).toEqual([{ url: 'http://gw:3000/v1/keys/me', authorization: 'Bearer sk_abc' }]);
  });

  it('skips the cache when asked for a fresh answer', async () => {
    const { verifier, calls } = verifierAnswering(
      json(200, { name: 'ops', scopes: ['admin'] }),
      json(401, { message: 'revoked' }),
    );
    await verifier.verify('sk_abc');
    expect(await verifier.verify('sk_abc', true)).toMatchObject({ ok: false, reason: 'refused' });
    expect(calls).toHaveLength(2);
  });

  it('tells a refused key from an unreachable or confused gateway', async () => {
    const { verifier } = verifierAnswering(
      json(403, {}),
      new TypeError('fetch failed'),
      json(404, { message: 'Cannot GET' }),
      json(200, { unexpected: true }),
    );
    expect(await verifier.verify('a')).toMatchObject({ ok: false, reason: 'refused' });
    expect(await verifier.verify('b')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await verifier.verify('c')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await verifier.verify('d')).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});
