import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { RATE_LIMIT_HEADER_NAMES } from '@sibyl/auth';
import { logLevelsFor } from '@sibyl/config';
import { AppModule } from './app.module';
import { corsOrigins } from './config/env.validation';
import { loadGatewayConfig } from './config/gateway-config';
import { createHttpAdapter } from './http/http-adapter';
import { installJsonBodyParser } from './http/json-body.parser';
import { setupOpenApi } from './http/open-api';
import { installSecurityHeaders } from './http/security-headers';

/** How long browsers may cache a CORS preflight answer. */
const CORS_MAX_AGE_SECONDS = 600;

/**
 * Creates the gateway application (not yet listening): validates the configuration (process
 * environment, `.env`, then `overrides`), picks the HTTP adapter, installs the security headers,
 * CORS (CORS_ORIGINS only), the JSON body parser and the OpenAPI document. Used by `main.ts` and
 * by the end-to-end tests.
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
  if (env.HTTP_ADAPTER === 'express') (app as NestExpressApplication).disable('x-powered-by');
  installSecurityHeaders(app, env.HTTP_ADAPTER);
  const origins = corsOrigins(env);
  app.enableCors({
    origin: origins.length > 0 ? origins : false,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Location', ...RATE_LIMIT_HEADER_NAMES],
    maxAge: CORS_MAX_AGE_SECONDS,
  });
  installJsonBodyParser(app, env.HTTP_ADAPTER, env.MAX_BODY_BYTES, env.MAX_JSON_DEPTH);
  setupOpenApi(app, env.HTTP_ADAPTER);
  return app;
}
