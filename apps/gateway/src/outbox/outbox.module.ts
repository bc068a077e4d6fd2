import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxCursorRecord, OutboxCursorSchema } from '@sibyl/persistence';
import { envOptions } from '../config/env-options.provider';
import type { GatewayEnvironment } from '../config/env.validation';
import { QueueDepthService } from '../queue/queue-depth.service';
import { QueueModule } from '../queue/queue.module';
import { CLOCK_OFFSET_MIN_MS, DatabaseClock } from '../records/database.clock';
import { RecordsModule } from '../records/records.module';
import {
  insertVisibleWithinMs,
  OUTBOX_DISPATCH_OPTIONS,
  OUTBOX_RELAY_OPTIONS,
  relayShutdownWaitMs,
} from './outbox.constants';
import { OutboxDispatcher, OutboxDispatchOptions } from './outbox.dispatcher';
import { OutboxMetrics } from './outbox.metrics';
import { OutboxStore } from './outbox.store';
import {
  BROKER_PROBE,
  OUTBOX_GAVE_UP,
  OUTBOX_SINK,
  OUTBOX_SOURCE,
  OutboxRelay,
  OutboxRelayOptions,
  REPUBLISH_SIGNAL,
} from './outbox.relay';
import { RepublishMarker } from './republish.marker';

type Config = ConfigService<GatewayEnvironment, true>;

/** The transactional outbox: confirmed publishing of stored requests, and the relay retrying the rest. */
@Module({
  imports: [
    RecordsModule,
    MongooseModule.forFeature([{ name: OutboxCursorRecord.name, schema: OutboxCursorSchema }]),
    QueueModule,
  ],
  providers: [
    OutboxStore,
    OutboxMetrics,
    OutboxDispatcher,
    OutboxRelay,
    RepublishMarker,
    { provide: REPUBLISH_SIGNAL, useExisting: RepublishMarker },
    { provide: OUTBOX_SOURCE, useExisting: OutboxStore },
    { provide: OUTBOX_SINK, useExisting: OutboxDispatcher },
    { provide: BROKER_PROBE, useExisting: QueueDepthService },
    {
      provide: OUTBOX_GAVE_UP,
      inject: [OutboxMetrics],
      useFactory: (metrics: OutboxMetrics) => metrics.gaveUp,
    },
    envOptions(OUTBOX_DISPATCH_OPTIONS, (env): OutboxDispatchOptions => ({
      backlogMaxBytes: env('OUTBOX_BACKLOG_MAX_BYTES'),
    })),
    {
      provide: OUTBOX_RELAY_OPTIONS,
      inject: [ConfigService, DatabaseClock],
      useFactory: (config: Config, clock: DatabaseClock): OutboxRelayOptions => ({
        intervalMs: config.get('OUTBOX_INTERVAL_MS', { infer: true }),
        republishAfterMs: config.get('OUTBOX_REPUBLISH_AFTER_MS', { infer: true }),
        batchSize: config.get('OUTBOX_BATCH_SIZE', { infer: true }),
        maxAttempts: config.get('OUTBOX_MAX_ATTEMPTS', { infer: true }),
        republishUnderBacklogMs: config.get('OUTBOX_REPUBLISH_UNDER_BACKLOG_MS', { infer: true }),
        cursorLagMs: insertVisibleWithinMs(
          config.get('DATABASE_OPERATION_TIMEOUT_MS', { infer: true }),
          config.get('INSERT_BATCH_WAIT_MS', { infer: true }),
          CLOCK_OFFSET_MIN_MS,
        ),
        now: () => clock.now(),
        shutdownWaitMs: relayShutdownWaitMs(
          config.get('DATABASE_OPERATION_TIMEOUT_MS', { infer: true }),
        ),
      }),
    },
  ],
  exports: [OutboxDispatcher, OutboxRelay],
})
export class OutboxModule {
  constructor(metrics: OutboxMetrics, relay: OutboxRelay, dispatcher: OutboxDispatcher) {
    metrics.track({
      backlog: () => relay.backlog(),
      backlogBytes: () => dispatcher.backlogBytes,
      oldestUnfinishedSeconds: () => relay.oldestUnfinishedAgeSeconds(),
    });
  }
}
