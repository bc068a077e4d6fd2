import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { AmqpModule } from '@sibyl/amqp';
import { AuthModule, RequireScopes } from '@sibyl/auth';
import { MetricsModule } from '@sibyl/observability';
import { withDeadline } from '@sibyl/persistence';
import { PredictorEnvironment, validateEnvironment } from './config/env.validation';
import { ConsumerModule } from './consumer/consumer.module';
import { HealthModule } from './health/health.module';

/**
 * The predictor: a hybrid Nest application whose microservice half consumes prediction requests (custom
 * {@link AmqpStrategy}) and whose small HTTP half serves health (open) and metrics (API key with the
 * `metrics` scope).
 */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      cache: true,
      validate: validateEnvironment,
    }),
    MongooseModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<PredictorEnvironment, true>) => ({
        uri: config.get('MONGODB_URI', { infer: true }),
        serverSelectionTimeoutMS: config.get('MONGODB_TIMEOUT_MS', { infer: true }),
        // Fail fast instead of buffering operations while the database is down: the batch is requeued.
        bufferCommands: false,
      }),
    }),
    AmqpModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<PredictorEnvironment, true>) => ({
        url: config.get('RABBITMQ_URL', { infer: true }),
        namespace: config.get('AMQP_NAMESPACE', { infer: true }),
        connectionName: `sibyl-predictor-${process.pid}`,
        deliveryLimit: config.get('DELIVERY_LIMIT', { infer: true }),
        topologyCheckIntervalMs: config.get('TOPOLOGY_CHECK_INTERVAL_MS', { infer: true }),
      }),
    }),
    MetricsModule.forRoot({
      defaultLabels: { service: 'predictor' },
      controllerDecorators: [RequireScopes('metrics')],
    }),
    // API keys (the gateway's `api_keys`) for GET /metrics; health stays open. No rate limits here.
    AuthModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<PredictorEnvironment, true>) => ({
        enabled: config.get('AUTH', { infer: true }) === 'on',
        cacheTtlMs: config.get('AUTH_CACHE_TTL_MS', { infer: true }),
        // A key not cached is looked up within DATABASE_OPERATION_TIMEOUT_MS (a frozen database: 503, logged).
        deadline: (what, work) =>
          withDeadline(work, config.get('DATABASE_OPERATION_TIMEOUT_MS', { infer: true }), what),
      }),
    }),
    ConsumerModule,
    HealthModule,
  ],
})
export class AppModule {}
