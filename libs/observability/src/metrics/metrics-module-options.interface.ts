import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';

/** Options of {@link MetricsModule.forRoot}. */
export interface MetricsModuleOptions {
  /**
   * Prefix of the default process metrics (`sibyl_process_cpu_seconds_total`, ...), also exposed to the
   * application through `METRICS_OPTIONS` for its own metric names. Default `sibyl_`.
   */
  prefix?: string;
  /** Labels added to every series of the registry, e.g. `{ service: 'gateway' }`. Default none. */
  defaultLabels?: Record<string, string>;
  /** Whether prom-client's default Node.js process metrics are registered. Default `true`. */
  collectDefaultMetrics?: boolean;
  /** HTTP path of the exposition endpoint. Default `/metrics`. */
  path?: string;
  /**
   * Decorators applied to the exposition controller, e.g. the app's access rule
   * (`RequireScopes('metrics')` of `@sibyl/auth`). Default none.
   */
  controllerDecorators?: ClassDecorator[];
}

/** {@link MetricsModuleOptions} with every default applied. */
export type ResolvedMetricsOptions = Required<Omit<MetricsModuleOptions, 'controllerDecorators'>>;

/**
 * Options of {@link MetricsModule.forRootAsync}. The route path is needed when the module is declared, so it is
 * given here rather than by the factory (a path returned by the factory is ignored).
 */
export interface MetricsModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: (...args: never[]) => MetricsModuleOptions | Promise<MetricsModuleOptions>;
  inject?: FactoryProvider['inject'];
  path?: string;
  /** See {@link MetricsModuleOptions.controllerDecorators}. */
  controllerDecorators?: ClassDecorator[];
}
