import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { logLevelsFor } from '@sibyl/config';
import { AppModule } from './app.module';
import { loadGatewayConfig } from './config/gateway-config';
import { createHttpAdapter } from './http/http-adapter';
import { installJsonBodyParser } from './http/json-body.parser';
import { setupOpenApi } from './http/open-api';

/**
 * Creates the gateway application (not yet listening): validates the configuration (process
 * environment, `.env`, then `overrides`), picks the HTTP adapter, installs the JSON body
 * parser, CORS and the OpenAPI document. Used by `main.ts` and by the end-to-end tests.
 */
export async function createGatewayApp(
  overrides: Record<string, string> = {},
): Promise<INestApplication> {
  const config = await loadGatewayConfig(overrides);
  const { env } = config;
  const app = await NestFactory.create(
    AppModule.forRoot(config),
    createHttpAdapter(env.HTTP_ADAPTER, env.MAX_BODY_BYTES),
    {
      bodyParser: false,
      logger: logLevelsFor(env.LOG_LEVEL),
    },
  );
  installJsonBodyParser(app, env.HTTP_ADAPTER, env.MAX_BODY_BYTES);
  app.enableCors({ exposedHeaders: ['Location', 'Retry-After'] });
  setupOpenApi(app, env.HTTP_ADAPTER);
  return app;
}
