import { DynamicModule, Inject, Module, OnModuleDestroy, Provider } from '@nestjs/common';
import { Registry } from 'prom-client';
import { createMetricsController } from './metrics.controller';
import { DEFAULT_METRICS_PATH, METRICS_OPTIONS, METRICS_REGISTRY } from './metrics.constants';
import type {
  MetricsModuleAsyncOptions,
  MetricsModuleOptions,
  ResolvedMetricsOptions,
} from './metrics-module-options.interface';
import { createMetricsRegistry, resolveMetricsOptions } from './metrics.registry';

const registryProvider: Provider = {
  provide: METRICS_REGISTRY,
  useFactory: (options: ResolvedMetricsOptions) => createMetricsRegistry(options),
  inject: [METRICS_OPTIONS],
};

/**
 * Global Prometheus metrics: a fresh prom-client `Registry` under {@link METRICS_REGISTRY} and a controller serving
 * it at `path`. Each application registers its own Counters/Histograms/Gauges on that registry
 * (`new Counter({ name, help, registers: [registry] })`).
 */
@Module({})
export class MetricsModule implements OnModuleDestroy {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  /** Declares the module with static options. */
  static forRoot(options: MetricsModuleOptions = {}): DynamicModule {
    const resolved = resolveMetricsOptions(options);
    return {
      module: MetricsModule,
      global: true,
      controllers: [createMetricsController(resolved.path, options.controllerDecorators)],
      providers: [{ provide: METRICS_OPTIONS, useValue: resolved }, registryProvider],
      exports: [METRICS_REGISTRY, METRICS_OPTIONS],
    };
  }

  /** Declares the module with options computed by a factory (e.g. from `ConfigService`). */
  static forRootAsync(options: MetricsModuleAsyncOptions): DynamicModule {
    const path = options.path ?? DEFAULT_METRICS_PATH;
    return {
      module: MetricsModule,
      global: true,
      imports: options.imports ?? [],
      controllers: [createMetricsController(path, options.controllerDecorators)],
      providers: [
        {
          provide: METRICS_OPTIONS,
          useFactory: async (...args: never[]) =>
            resolveMetricsOptions({ ...(await options.useFactory(...args)), path }),
          inject: options.inject ?? [],
        },
        registryProvider,
      ],
      exports: [METRICS_REGISTRY, METRICS_OPTIONS],
    };
  }

  /** Drops every metric so a closed application leaves nothing behind. */
  onModuleDestroy(): void {
    this.registry.clear();
  }
}
