import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { validateDashboardConfig } from '../config/dashboard.config';
import type { FetchFunction } from '../sampler/endpoint.scraper';
import { GatewayHealthIndicator } from './gateway.health';

function indicatorWith(fetchFn: FetchFunction): GatewayHealthIndicator {
  const config = new ConfigService(
    validateDashboardConfig({ GATEWAY_URL: 'http://gw:3000' }) as unknown as Record<
      string,
      unknown
    >,
  );
  return new GatewayHealthIndicator(new HealthIndicatorService(), config as never, fetchFn);
}

describe('GatewayHealthIndicator', () => {
  it('is up when the gateway liveness probe answers 2xx', async () => {
    const fetchFn = jest.fn(async () => Response.json({ status: 'ok' }));
    await expect(indicatorWith(fetchFn).isReachable()).resolves.toEqual({
      gateway: { status: 'up', url: 'http://gw:3000/health/live' },
    });
    expect(fetchFn).toHaveBeenCalledWith(
      'http://gw:3000/health/live',
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
  });

  it('is down on an error status', async () => {
    const result = await indicatorWith(async () => new Response('', { status: 503 })).isReachable();
    expect(result['gateway']).toMatchObject({ status: 'down', message: 'HTTP 503' });
  });

  it('is down when the gateway cannot be reached', async () => {
    const result = await indicatorWith(async () => {
      throw new TypeError('fetch failed');
    }).isReachable();
    expect(result['gateway']).toMatchObject({ status: 'down', message: 'fetch failed' });
  });
});
