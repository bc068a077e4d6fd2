import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnvironment } from '../config/env.validation';
import { QueueDepthService } from '../queue/queue-depth.service';
import { QueueModule } from '../queue/queue.module';
import { PredictionStore } from '../records/prediction.store';
import { RecordsModule } from '../records/records.module';
import { OUTBOX_DISPATCHER_OPTIONS, OUTBOX_RELAY_OPTIONS } from './outbox.constants';
import { OutboxDispatcher, OutboxDispatcherOptions } from './outbox.dispatcher';
import { OutboxMetrics } from './outbox.metrics';
import { BROKER_PROBE, OUTBOX_SINK, OUTBOX_SOURCE, OutboxRelay, OutboxRelayOptions } from './outbox.relay';

type Config = ConfigService<GatewayEnvironment, true>;

/** The transactional outbox: confirmed publishing of stored requests, and the relay retrying the rest. */
@Module({
  imports: [RecordsModule, QueueModule],
  providers: [
    OutboxMetrics,
    OutboxDispatcher,
    OutboxRelay,
    { provide: OUTBOX_SOURCE, useExisting: PredictionStore },
    { provide: OUTBOX_SINK, useExisting: OutboxDispatcher },
    { provide: BROKER_PROBE, useExisting: QueueDepthService },
    {
      provide: OUTBOX_DISPATCHER_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: Config): OutboxDispatcherOptions => ({
        recordConfirms: config.get('OUTBOX_RECORD_CONFIRMS', { infer: true }) === 'true',
      }),
    },
    {
      provide: OUTBOX_RELAY_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: Config): OutboxRelayOptions => ({
        intervalMs: config.get('OUTBOX_INTERVAL_MS', { infer: true }),
        republishAfterMs: config.get('OUTBOX_REPUBLISH_AFTER_MS', { infer: true }),
        batchSize: config.get('OUTBOX_BATCH_SIZE', { infer: true }),
      }),
    },
  ],
  exports: [OutboxDispatcher, OutboxRelay],
})
export class OutboxModule {
  constructor(metrics: OutboxMetrics, relay: OutboxRelay) {
    metrics.trackBacklog(() => relay.backlog());
  }
}
