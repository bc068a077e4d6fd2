import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { logLevelsFor } from '@sibyl/config';
import { AppModule } from './app.module';
import type { PredictorEnvironment } from './config/env.validation';
import { installGracefulShutdown } from './shutdown/graceful-shutdown';
import { AmqpStrategy } from './transport/amqp.strategy';

/**
 * Starts the predictor: loads the model (before anything listens), starts consuming with the custom AMQP
 * strategy, then serves health and metrics on PREDICTOR_PORT.
 */
async function bootstrap(): Promise<void> {
  const logger = new Logger('Predictor');
  const app = await NestFactory.create(AppModule, {
    logger: logLevelsFor(process.env.LOG_LEVEL),
    abortOnError: false,
  });
  const config = app.get<ConfigService<PredictorEnvironment, true>>(ConfigService);
  const strategy = app.get(AmqpStrategy);
  app.connectMicroservice({ strategy }, { inheritAppConfig: true });
  installGracefulShutdown(app, strategy, {
    timeoutMs: config.get('SHUTDOWN_TIMEOUT_MS', { infer: true }),
    logger,
  });
  await app.startAllMicroservices();
  const port = config.get('PREDICTOR_PORT', { infer: true });
  await app.listen(port, config.get('PREDICTOR_HOST', { infer: true }));
  const address = app.getHttpServer().address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  if (config.get('AUTH', { infer: true }) === 'off') {
    logger.warn('AUTH=off: GET /metrics answers without an API key (allowed only on loopback)');
  }
  logger.log(
    `predictor ready: health and metrics on http://127.0.0.1:${actualPort} (pid ${process.pid})`,
  );
}

bootstrap().catch((error: unknown) => {
  new Logger('Predictor').fatal(
    `cannot start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
