import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import { AMQP_CONNECTION, AMQP_NAMES, TopologyHealthIndicator, TopologyMonitor } from '@sibyl/amqp';
import { MessagingNames, MessagingV1 } from '@sibyl/contracts';
import { OutboxCursorRecord, OutboxCursorSchema } from '@sibyl/persistence';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { PredictorEnvironment } from '../config/env.validation';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import { PredictorMetricsModule } from '../metrics/predictor-metrics.module';
import { AmqpConsumerHealthIndicator } from './amqp-consumer.health';
import { AmqpStrategy } from './amqp.strategy';
import { ConsumerWatchdog } from './consumer.watchdog';
import { QueueLossReporter } from './queue-loss.reporter';

/**
 * Provides the {@link AmqpStrategy} (connected to the app with `app.connectMicroservice({ strategy })`) on the
 * shared connection of the global `AmqpModule`, declaring the topology through the `TopologyMonitor`; its
 * {@link ConsumerWatchdog}; and counts its deliveries and state in the predictor metrics.
 */
@Module({
  imports: [
    PredictorMetricsModule,
    TerminusModule,
    // the republish marker, set when the requests queue is lost (QueueLossReporter)
    MongooseModule.forFeature([{ name: OutboxCursorRecord.name, schema: OutboxCursorSchema }]),
  ],
  providers: [
    {
      provide: AmqpStrategy,
      inject: [AMQP_CONNECTION, AMQP_NAMES, ConfigService, PredictorMetrics, TopologyMonitor],
      useFactory: (
        connection: AmqpConnectionManager,
        names: MessagingNames,
        config: ConfigService<PredictorEnvironment, true>,
        metrics: PredictorMetrics,
        topology: TopologyMonitor,
      ) => {
        const strategy = new AmqpStrategy(connection, {
          names,
          prefetch: config.get('PREFETCH', { infer: true }),
          deliveryLimit: config.get('DELIVERY_LIMIT', { infer: true }),
          requeueDelayMs: config.get('REQUEUE_DELAY_MS', { infer: true }),
          defaultPattern: MessagingV1.PredictionRequested,
          declareTopology: () => topology.verify(),
        });
        strategy.on('received', (message) =>
          metrics.received.inc({ redelivered: String(message.fields.redelivered) }),
        );
        strategy.on('settled', (_message, disposition) => {
          if (disposition.action === 'dead-letter')
            metrics.deadLettered.inc({ reason: disposition.category });
          if (disposition.action === 'requeue') metrics.requeued.inc();
        });
        strategy.on('cancelled', () => metrics.consumerCancelled.inc());
        return strategy;
      },
    },
    {
      provide: ConsumerWatchdog,
      inject: [AmqpStrategy, ConfigService, PredictorMetrics, TopologyMonitor],
      useFactory: (
        strategy: AmqpStrategy,
        config: ConfigService<PredictorEnvironment, true>,
        metrics: PredictorMetrics,
        topology: TopologyMonitor,
      ) => {
        const watchdog = new ConsumerWatchdog(
          strategy,
          config.get('STALL_TIMEOUT_MS', { infer: true }),
          () => topology.requestsQueueState(),
        );
        // A consumer may be left registered on a queue deleted and declared again (see TopologyMonitor).
        topology.onChange(() => strategy.resubscribe('the topology changed'));
        metrics.trackConsumer({
          stalled: () => (watchdog.stalledForMs() > 0 ? 1 : 0),
          heldSeconds: () => strategy.heldWithoutProgressMs() / 1000,
          inFlight: () => strategy.inFlightCount,
          paused: () => (strategy.pausedReason === undefined ? 0 : 1),
          topologyMismatch: () => (topology.mismatch === undefined ? 0 : 1),
        });
        return watchdog;
      },
    },
    AmqpConsumerHealthIndicator,
    TopologyHealthIndicator,
    QueueLossReporter,
  ],
  exports: [AmqpStrategy, AmqpConsumerHealthIndicator, TopologyHealthIndicator],
})
export class TransportModule {}
