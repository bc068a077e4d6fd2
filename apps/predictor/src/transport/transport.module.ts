import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { AMQP_CONNECTION, AMQP_NAMES } from '@sibyl/amqp';
import { MessagingNames, MessagingV1 } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { PredictorEnvironment } from '../config/env.validation';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import { PredictorMetricsModule } from '../metrics/predictor-metrics.module';
import { AmqpConsumerHealthIndicator } from './amqp-consumer.health';
import { AmqpStrategy } from './amqp.strategy';

/**
 * Provides the {@link AmqpStrategy} (connected to the app with `app.connectMicroservice({ strategy })`) on the
 * shared connection of the global `AmqpModule`, and counts its deliveries in the predictor metrics.
 */
@Module({
  imports: [PredictorMetricsModule, TerminusModule],
  providers: [
    {
      provide: AmqpStrategy,
      inject: [AMQP_CONNECTION, AMQP_NAMES, ConfigService, PredictorMetrics],
      useFactory: (
        connection: AmqpConnectionManager,
        names: MessagingNames,
        config: ConfigService<PredictorEnvironment, true>,
        metrics: PredictorMetrics,
      ) => {
        const strategy = new AmqpStrategy(connection, {
          names,
          prefetch: config.get('PREFETCH', { infer: true }),
          deliveryLimit: config.get('DELIVERY_LIMIT', { infer: true }),
          requeueDelayMs: config.get('REQUEUE_DELAY_MS', { infer: true }),
          defaultPattern: MessagingV1.PredictionRequested,
        });
        strategy.on('received', (message) =>
          metrics.received.inc({ redelivered: String(message.fields.redelivered) }),
        );
        strategy.on('settled', (_message, disposition) => {
          if (disposition.action === 'dead-letter')
            metrics.deadLettered.inc({ reason: disposition.category });
          if (disposition.action === 'requeue') metrics.requeued.inc();
        });
        return strategy;
      },
    },
    AmqpConsumerHealthIndicator,
  ],
  exports: [AmqpStrategy, AmqpConsumerHealthIndicator],
})
export class TransportModule {}
