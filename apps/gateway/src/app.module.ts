import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AmqpModule } from '@sibyl/amqp';
import { AuthModule, RequireScopes } from '@sibyl/auth';
import { MetricsModule } from '@sibyl/observability';
import type { GatewayEnvironment } from './config/env.validation';
import type { GatewayConfig } from './config/gateway-config';
import { HealthModule } from './health/health.module';
import { API_ERROR_LISTENERS, ApiErrorListener } from './http/api-error.listener';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { JsonContentTypeMiddleware } from './http/json-content-type.middleware';
import { SubmissionValidationPipe } from './http/submission-validation.pipe';
import { KeysController } from './keys/keys.controller';
import { KeysModule } from './keys/keys.module';
import { ModelAccuracyModule } from './model-accuracy/model-accuracy.module';
import { ModelsController } from './models/models.controller';
import { ModelsModule } from './models/models.module';
import { PredictionsController } from './predictions/predictions.controller';
import { PredictionsModule } from './predictions/predictions.module';
import { SubmissionRejectionsListener } from './predictions/submission-rejections.listener';
import { QueueModule } from './queue/queue.module';
import { DatabaseDeadline } from './records/database-deadline';
import { DATABASE_HEARTBEAT_MS } from './records/records.constants';
import { RecordsModule } from './records/records.module';

type Config = ConfigService<GatewayEnvironment, true>;

/** The gateway: predictions API, API keys, queue depth, health and metrics. */
@Module({})
export class AppModule implements NestModule {
  /** Builds the application module around an already validated configuration. */
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        config.module,
        MetricsModule.forRoot({ controllerDecorators: [RequireScopes('metrics')] }),
        AmqpModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (env: Config) => ({
            url: env.get('RABBITMQ_URL', { infer: true }),
            namespace: env.get('AMQP_NAMESPACE', { infer: true }),
            connectionName: 'sibyl-gateway',
            deliveryLimit: env.get('DELIVERY_LIMIT', { infer: true }),
            publishTimeoutMs: env.get('PUBLISH_TIMEOUT_MS', { infer: true }),
            topologyCheckIntervalMs: env.get('TOPOLOGY_CHECK_INTERVAL_MS', { infer: true }),
          }),
        }),
        MongooseModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (env: Config) => ({
            uri: env.get('MONGODB_URI', { infer: true }),
            serverSelectionTimeoutMS: env.get('MONGODB_TIMEOUT_MS', { infer: true }),
            connectTimeoutMS: env.get('MONGODB_TIMEOUT_MS', { infer: true }),
            heartbeatFrequencyMS: DATABASE_HEARTBEAT_MS,
            // Fail fast (→ 503) instead of queueing operations while disconnected.
            bufferCommands: false,
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
        AuthModule.forRootAsync({
          imports: [RecordsModule],
          inject: [ConfigService, DatabaseDeadline],
          useFactory: (env: Config, deadline: DatabaseDeadline) => ({
            enabled: env.get('AUTH', { infer: true }) === 'on',
            deadline: deadline.forApiKeys,
            cacheTtlMs: env.get('AUTH_CACHE_TTL_MS', { infer: true }),
            rateLimit: {
              perSecond: env.get('RATE_LIMIT_PER_SECOND', { infer: true }),
              burst: env.get('RATE_LIMIT_BURST', { infer: true }),
            },
            unauthenticatedPerMinute: env.get('UNAUTH_RATE_LIMIT_PER_MINUTE', { infer: true }),
            trustProxyHops: env.get('TRUST_PROXY', { infer: true }),
          }),
        }),
        KeysModule,
        PredictionsModule,
        ModelAccuracyModule,
        ModelsModule,
        QueueModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        {
          provide: API_ERROR_LISTENERS,
          inject: [SubmissionRejectionsListener],
          useFactory: (...listeners: ApiErrorListener[]) => listeners,
        },
        {
          provide: APP_PIPE,
          useValue: new SubmissionValidationPipe({
            transform: true,
            whitelist: true,
            forbidNonWhitelisted: true,
            forbidUnknownValues: true,
          }),
        },
      ],
    };
  }

  /** Every controller that takes a JSON body refuses any other body with 415 before reading it. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(JsonContentTypeMiddleware)
      .forRoutes(PredictionsController, KeysController, ModelsController);
  }
}
