import type { FactoryProvider, InjectionToken } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnvironment } from './env.validation';

/** Reads one variable of the gateway's validated environment. */
export type EnvReader = <K extends keyof GatewayEnvironment>(key: K) => GatewayEnvironment[K];

/**
 * Provides a feature's options (`token`) as `build` makes them from the gateway's validated
 * environment: a module names the variables it reads, not the ConfigService plumbing.
 */
export function envOptions<T>(
  token: InjectionToken,
  build: (env: EnvReader) => T,
): FactoryProvider<T> {
  return {
    provide: token,
    inject: [ConfigService],
    useFactory: (config: ConfigService<GatewayEnvironment, true>) =>
      build((key) => config.get(key, { infer: true })),
  };
}
