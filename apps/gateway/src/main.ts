import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnvironment } from './config/env.validation';
import { createGatewayApp } from './gateway.app';

async function bootstrap(): Promise<void> {
  const app = await createGatewayApp();
  app.enableShutdownHooks();
  const config = app.get<ConfigService<GatewayEnvironment, true>>(ConfigService);
  await app.listen(
    config.get('GATEWAY_PORT', { infer: true }),
    config.get('GATEWAY_HOST', { infer: true }),
  );
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  if (config.get('AUTH', { infer: true }) === 'off') {
    Logger.warn(
      `AUTH=off: API keys are NOT checked — anyone who can reach ${url} may do anything (allowed only on loopback)`,
      'Bootstrap',
    );
  }
  Logger.log(
    `gateway listening on ${url} (${config.get('HTTP_ADAPTER', { infer: true })}); OpenAPI at ${url}/docs`,
    'Bootstrap',
  );
}

bootstrap().catch((error: Error) => {
  Logger.error(error.message, error.stack, 'Bootstrap');
  process.exit(1);
});
