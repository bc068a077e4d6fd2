import { applyDecorators, Controller, Get, Header, Inject, Type } from '@nestjs/common';
import { prometheusContentType, Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.constants';

/** Serves the registry in the Prometheus text exposition format (version 0.0.4). */
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  /** `GET <path>`: every metric of the application's registry. */
  @Get()
  @Header('Content-Type', prometheusContentType)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

/**
 * Binds {@link MetricsController} to a route path chosen at module declaration time, with the
 * app's own class decorators (its access rule).
 */
export function createMetricsController(
  path: string,
  decorators: ClassDecorator[] = [],
): Type<MetricsController> {
  @Controller(path)
  @applyDecorators(...decorators)
  class PathBoundMetricsController extends MetricsController {}
  return PathBoundMetricsController;
}
