import { ConfigService } from '@nestjs/config';
import { parsePrometheusText, sampleValue } from '@sibyl/observability';
import { Registry } from 'prom-client';
import { firstValueFrom, take, toArray } from 'rxjs';
import { validateDashboardConfig } from '../config/dashboard.config';
import { DashboardMetrics } from '../metrics/dashboard.metrics';
import type { FetchFunction } from './endpoint.scraper';
import { SamplerService } from './sampler.service';

/** A fake HTTP world: url → response factory (or a thrown network error). */
function fakeFetch(routes: Map<string, () => Response>): jest.MockedFunction<FetchFunction> {
  return jest.fn(async (url: string) => {
    const route = routes.get(url);
    if (!route)
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    return route();
  });
}

const text =
  (body: string, status = 200) =>
  () =>
    new Response(body, { status, headers: { 'content-type': 'text/plain' } });
const json = (body: unknown) => () => Response.json(body);
const queueView = (ready: number) =>
  json({
    ready,
    unacked: 0,
    consumers: 1,
    deadLettered: 0,
    publishRate: null,
    deliverRate: null,
    unavailable: [],
  });
const accepted = (n: number) =>
  text(`# TYPE sibyl_requests_accepted_total counter\nsibyl_requests_accepted_total ${n}\n`);
const completed = (n: number) =>
  text(
    `# TYPE sibyl_predictions_completed_total counter\nsibyl_predictions_completed_total{language="ar",status="done"} ${n}\n`,
  );

describe('SamplerService', () => {
  const env = {
    GATEWAY_URL: 'http://gw:3000/',
    PREDICTOR_METRICS_URLS: 'http://p1:3002/metrics,http://p2:3002/metrics',
    BACKLOG_ALERT_THRESHOLD: '10',
    SAMPLE_HISTORY_SIZE: '2',
  };
  let routes: Map<string, () => Response>;
  let registry: Registry;
  let sampler: SamplerService;
  let now: jest.SpyInstance<number>;

  beforeEach(() => {
    routes = new Map([
      ['http://gw:3000/v1/queue', queueView(3)],
      ['http://gw:3000/metrics', accepted(10)],
      ['http://p1:3002/metrics', completed(4)],
    ]);
    registry = new Registry();
    const config = new ConfigService(
      validateDashboardConfig(env) as unknown as Record<string, unknown>,
    );
    sampler = new SamplerService(
      config as never,
      new DashboardMetrics(registry),
      fakeFetch(routes),
    );
    now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
  });

  afterEach(() => now.mockRestore());

  it('scrapes the gateway and every predictor and derives rates between two samples', async () => {
    const first = await sampler.sampleOnce();
    expect(first.queue.ready).toBe(3);
    expect(first.predictors).toEqual([
      { url: 'http://p1:3002/metrics', up: true, modelVersion: null },
      { url: 'http://p2:3002/metrics', up: false, error: 'ECONNREFUSED', modelVersion: null },
    ]);

    routes.set('http://gw:3000/metrics', accepted(30));
    routes.set('http://p1:3002/metrics', completed(9));
    routes.set('http://gw:3000/v1/queue', queueView(25));
    now.mockReturnValue(1_002_000);
    const second = await sampler.sampleOnce();
    expect(second.throughput.submittedPerSecond).toBe(10);
    expect(second.throughput.completedPerSecond).toBe(2.5);
    expect(second.languages).toEqual({ ar: 9 });
    expect(second.alerts.map((a) => a.code)).toEqual(['backlog', 'predictor-down']);
  });

  it("sends the dashboard's key as a bearer token to every source", async () => {
    const fetchFn = fakeFetch(routes);
    const config = new ConfigService(
      validateDashboardConfig({ ...env, DASHBOARD_API_KEY: 'sk_dash' }) as unknown as Record<
        string,
        unknown
      >,
    );
    await new SamplerService(
      config as never,
      new DashboardMetrics(new Registry()),
      fetchFn,
    ).sampleOnce();
    expect(fetchFn).toHaveBeenCalledTimes(4);
    for (const [, init] of fetchFn.mock.calls)
      expect(init?.headers?.['authorization']).toBe('Bearer sk_dash');
  });

  it('measures rates over the rate window, not just the last interval', async () => {
    const counts = [10, 10, 40];
    for (const [i, count] of counts.entries()) {
      routes.set('http://gw:3000/metrics', accepted(count));
      now.mockReturnValue(1_000_000 + i * 1000);
      const sample = await sampler.sampleOnce();
      if (i === 2) {
        expect(sample.intervalSeconds).toBe(2);
        expect(sample.throughput.submittedPerSecond).toBe(15);
      }
    }
  });

  it('reports HTTP errors and invalid exposition text as unreachable sources', async () => {
    routes.set('http://gw:3000/metrics', text('not metrics at all'));
    routes.set('http://p1:3002/metrics', text('oops', 500));
    const sample = await sampler.sampleOnce();
    expect(sample.gateway.up).toBe(true); // /v1/queue still answers
    expect(sample.predictors[0]).toMatchObject({
      up: false,
      error: 'HTTP 500 from http://p1:3002/metrics',
    });
    const scrapes = parsePrometheusText(await registry.metrics());
    expect(
      sampleValue(scrapes, 'sibyl_dashboard_scrapes_total', {
        source: 'gateway_metrics',
        outcome: 'error',
      }),
    ).toBe(1);
    expect(
      sampleValue(scrapes, 'sibyl_dashboard_scrapes_total', {
        source: 'predictor',
        outcome: 'error',
      }),
    ).toBe(2);
  });

  it('keeps a rolling window and publishes each sample', async () => {
    const published = firstValueFrom(sampler.samples.pipe(take(3), toArray()));
    for (let i = 0; i < 3; i++) {
      now.mockReturnValue(1_000_000 + i * 1000);
      await sampler.sampleOnce();
    }
    expect((await published).map((s) => s.at)).toEqual([1_000_000, 1_001_000, 1_002_000]);
    expect(sampler.recent().map((s) => s.at)).toEqual([1_001_000, 1_002_000]);
  });

  it('samples on its own every interval once the application starts, and stops on shutdown', async () => {
    now.mockRestore();
    const next = firstValueFrom(sampler.samples.pipe(take(2), toArray()));
    sampler.onApplicationBootstrap();
    const samples = await next;
    sampler.onApplicationShutdown();
    expect(samples[1].intervalSeconds).toBeGreaterThan(0.5);
    expect(samples[1].throughput.submittedPerSecond).toBe(0);
  });
});
