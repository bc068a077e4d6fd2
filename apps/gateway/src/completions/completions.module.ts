import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnvironment } from '../config/env.validation';
import { RecordsModule } from '../records/records.module';
import {
  COMPLETIONS_OPTIONS,
  CompletionsOptions,
  RECENT_COMPLETIONS,
  SAFETY_RECHECK_MAX_IDS,
} from './completions.constants';
import { CompletionsMetrics } from './completions.metrics';
import { CompletionsService } from './completions.service';

/** Completions pushed by the predictors: long-poll wake-ups and per-key event streams. */
@Module({
  imports: [RecordsModule],
  providers: [
    CompletionsService,
    CompletionsMetrics,
    {
      provide: COMPLETIONS_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<GatewayEnvironment, true>): CompletionsOptions => ({
        safetyRecheckMs: config.get('WAIT_SAFETY_RECHECK_MS', { infer: true }),
        safetyRecheckMaxIds: SAFETY_RECHECK_MAX_IDS,
        recentCompletions: RECENT_COMPLETIONS,
        maxStreamsPerKey: config.get('MAX_EVENT_STREAMS_PER_KEY', { infer: true }),
        heartbeatMs: config.get('EVENT_STREAM_HEARTBEAT_MS', { infer: true }),
      }),
    },
  ],
  exports: [CompletionsService],
})
export class CompletionsModule {}
