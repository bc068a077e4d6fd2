import { Inject, Injectable, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Counter, Registry } from 'prom-client';
import { parsePrometheusText, sampleValue } from '../exposition';
import { METRICS_OPTIONS, METRICS_REGISTRY } from './metrics.constants';
import type { ResolvedMetricsOptions } from './metrics-module-options.interface';
import { MetricsModule } from './metrics.module';

@Injectable()
class RequestMetrics {
  readonly accepted: Counter;
  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) options: ResolvedMetricsOptions,
  ) {
    this.accepted = new Counter({
      name: `${options.prefix}requests_accepted_total`,
      help: 'Accepted',
      registers: [registry],
    });
  }
}

async function startApp(
  metricsModule: ReturnType<typeof MetricsModule.forRoot>,
): Promise<{ app: INestApplication; url: string }> {
  @Module({ imports: [metricsModule], providers: [RequestMetrics] })
  class AppModule {}
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('MetricsModule', () => {
  const apps: INestApplication[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('serves its own registry at /metrics as valid exposition text with the Prometheus content type', async () => {
    const gateway = await startApp(
      MetricsModule.forRoot({ defaultLabels: { service: 'gateway' } }),
    );
    const predictor = await startApp(
      MetricsModule.forRoot({
        defaultLabels: { service: 'predictor' },
        collectDefaultMetrics: false,
      }),
    );
    apps.push(gateway.app, predictor.app);
    gateway.app.get(RequestMetrics).accepted.inc(2);

    const response = await fetch(`${gateway.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const families = parsePrometheusText(await response.text());
    expect(sampleValue(families, 'sibyl_requests_accepted_total', { service: 'gateway' })).toBe(2);
    expect(sampleValue(families, 'sibyl_process_resident_memory_bytes')).toBeGreaterThan(0);

    const other = parsePrometheusText(await (await fetch(`${predictor.url}/metrics`)).text());
    expect(sampleValue(other, 'sibyl_requests_accepted_total', { service: 'predictor' })).toBe(0);
    expect(sampleValue(other, 'sibyl_process_resident_memory_bytes')).toBeUndefined();
  });

  it('honours a custom path and prefix given asynchronously', async () => {
    const { app, url } = await startApp(
      MetricsModule.forRootAsync({
        path: '/internal/metrics',
        useFactory: async () => ({ prefix: 'x_' }),
      }),
    );
    apps.push(app);
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    const families = parsePrometheusText(await (await fetch(`${url}/internal/metrics`)).text());
    expect(sampleValue(families, 'x_requests_accepted_total')).toBe(0);
    expect(sampleValue(families, 'x_process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
  });

  it('clears the registry when the application closes', async () => {
    const { app } = await startApp(MetricsModule.forRoot());
    const registry = app.get<Registry>(METRICS_REGISTRY);
    expect(registry.getMetricsAsArray().length).toBeGreaterThan(0);
    await app.close();
    expect(registry.getMetricsAsArray()).toHaveLength(0);
  });
});
