import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { GatewayEnvironment, validate } from './env.validation';

/** The global configuration module and the validated environment it holds. */
export interface GatewayConfig {
  module: DynamicModule;
  env: GatewayEnvironment;
}

/**
 * Loads `.env` and the process environment, applies `overrides` (tests), and validates the
 * result once. The validated values are also returned, because the HTTP adapter must be
 * chosen before the Nest application exists.
 */
export async function loadGatewayConfig(
  overrides: Record<string, string> = {},
): Promise<GatewayConfig> {
  let env: GatewayEnvironment | undefined;
  const module = await ConfigModule.forRoot({
    isGlobal: true,
    cache: true,
    skipProcessEnv: true,
    validate: (loaded) => (env = validate({ ...loaded, ...overrides })),
  });
  if (!env) throw new Error('gateway configuration was not validated');
  return { module, env };
}
