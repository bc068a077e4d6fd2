import { Module } from '@nestjs/common';
import { envOptions } from '../config/env-options.provider';
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
    envOptions(COMPLETIONS_OPTIONS, (env): CompletionsOptions => ({
      safetyRecheckMs: env('WAIT_SAFETY_RECHECK_MS'),
      safetyRecheckMaxIds: SAFETY_RECHECK_MAX_IDS,
      recentCompletions: RECENT_COMPLETIONS,
      maxStreamsPerKey: env('MAX_EVENT_STREAMS_PER_KEY'),
      heartbeatMs: env('EVENT_STREAM_HEARTBEAT_MS'),
    })),
  ],
  exports: [CompletionsService],
})
export class CompletionsModule {}
