import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnvironment } from '../config/env.validation';
import { CompletionsModule } from '../completions/completions.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ModelAccuracyModule } from '../model-accuracy/model-accuracy.module';
import { RecordsModule } from '../records/records.module';
import { PREDICTIONS_OPTIONS, PredictionsOptions } from './predictions.constants';
import { PredictionEventsController } from './prediction-events.controller';
import { PredictionsController } from './predictions.controller';
import { PredictionsMetrics } from './predictions.metrics';
import { PredictionsService } from './predictions.service';
import { SubmissionRejectionsListener } from './submission-rejections.listener';

/** `/v1/predictions`: submissions, results (long polls, event stream), feedback. */
@Module({
  imports: [RecordsModule, OutboxModule, ModelAccuracyModule, CompletionsModule],
  // The events stream first: Express matches routes in order, and `events` is no `:id`.
  controllers: [PredictionEventsController, PredictionsController],
  providers: [
    PredictionsService,
    PredictionsMetrics,
    SubmissionRejectionsListener,
    {
      provide: PREDICTIONS_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<GatewayEnvironment, true>): PredictionsOptions => ({
        maxTextBytes: config.get('MAX_TEXT_BYTES', { infer: true }),
        maxBatchItems: config.get('MAX_BATCH_ITEMS', { infer: true }),
        maxWaitMs: config.get('MAX_WAIT_MS', { infer: true }),
        maxLongPollsPerKey: config.get('MAX_LONG_POLLS_PER_KEY', { infer: true }),
        insertBatchMax: config.get('INSERT_BATCH_MAX', { infer: true }),
        insertBatchWaitMs: config.get('INSERT_BATCH_WAIT_MS', { infer: true }),
      }),
    },
  ],
  exports: [SubmissionRejectionsListener],
})
export class PredictionsModule {}
