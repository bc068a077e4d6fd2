import { ConfigService } from '@nestjs/config';
import { validateDashboardConfig } from '../config/dashboard.config';
import { GatewayForwarder } from './gateway-forwarder';

function forwarderWith(env: Record<string, string>, answer: Response | Error) {
  const calls: Array<{ url: string; init: RequestInit & { headers: Record<string, string> } }> = [];
  const fetchFn = jest.fn(
    async (url: string, init?: RequestInit & { headers?: Record<string, string> }) => {
      calls.push({ url, init: init as RequestInit & { headers: Record<string, string> } });
      if (answer instanceof Error) throw answer;
      return answer;
    },
  );
  const config = new ConfigService(
    validateDashboardConfig({ GATEWAY_URL: 'http://gw:3000', ...env }) as unknown as Record<
      string,
      unknown
    >,
  );
  return { forwarder: new GatewayForwarder(config as never, fetchFn), calls };
}

describe('GatewayForwarder', () => {
  it("sends the dashboard's key as bearer token and relays status, body and Retry-After", async () => {
    const { forwarder, calls } = forwarderWith(
      { DASHBOARD_API_KEY: 'sk_dash' },
      new Response(JSON.stringify({ statusCode: 429, message: 'slow down' }), {
        status: 429,
        headers: { 'retry-after': '2' },
      }),
    );
    const answer = await forwarder.forward('POST', '/v1/predictions', { text: 'hej' }, 1000);
    expect(answer).toEqual({
      status: 429,
      body: { statusCode: 429, message: 'slow down' },
      retryAfter: '2',
    });
    expect(calls[0].url).toBe('http://gw:3000/v1/predictions');
    expect(calls[0].init.headers).toMatchObject({
      authorization: 'Bearer sk_dash',
      'content-type': 'application/json',
    });
    expect(calls[0].init.body).toBe('{"text":"hej"}');
  });

  it('answers 502 JSON when the gateway cannot be reached', async () => {
    const { forwarder } = forwarderWith({}, new TypeError('fetch failed'));
    expect(await forwarder.forward('GET', '/v1/predictions/x', undefined, 1000)).toMatchObject({
      status: 502,
      body: { message: 'the gateway cannot be reached' },
    });
  });

  it('wraps a non-JSON gateway answer', async () => {
    const { forwarder, calls } = forwarderWith({}, new Response('<html>', { status: 500 }));
    expect(await forwarder.forward('GET', '/v1/predictions/x', undefined, 1000)).toMatchObject({
      status: 500,
      body: { statusCode: 502, message: 'the gateway answered HTTP 500' },
    });
    expect(calls[0].init.headers['authorization']).toBeUndefined();
  });
});
