import { Module } from '@nestjs/common';
import { envOptions } from '../config/env-options.provider';
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
    envOptions(PREDICTIONS_OPTIONS, (env): PredictionsOptions => ({
      maxTextBytes: env('MAX_TEXT_BYTES'),
      maxBatchItems: env('MAX_BATCH_ITEMS'),
      maxWaitMs: env('MAX_WAIT_MS'),
      maxLongPollsPerKey: env('MAX_LONG_POLLS_PER_KEY'),
      insertBatchMax: env('INSERT_BATCH_MAX'),
      insertBatchWaitMs: env('INSERT_BATCH_WAIT_MS'),
    })),
  ],
  exports: [SubmissionRejectionsListener],
})
export class PredictionsModule {}
