import { Module } from '@nestjs/common';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import { FeedbackLog, FeedbackRecord, FeedbackSchema } from '@sibyl/persistence';
import type { Model, mongo } from 'mongoose';
import { envOptions } from '../config/env-options.provider';
import { FeedbackRecorder } from './feedback.recorder';
import { LiveAccuracyMonitor } from './live-accuracy.monitor';
import { MODEL_ACCURACY_OPTIONS, ModelAccuracyOptions } from './model-accuracy.constants';
import { ModelAccuracyController } from './model-accuracy.controller';
import { ModelAccuracyMetrics } from './model-accuracy.metrics';
import { ModelAccuracyService } from './model-accuracy.service';

/**
 * Feedback → live accuracy: records feedback per model version (`feedback` collection and
 * `sibyl_feedback_total`), serves `GET /v1/models/:version/accuracy` and refreshes the
 * `sibyl_live_accuracy` gauges the alert reads.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: FeedbackRecord.name, schema: FeedbackSchema }])],
  controllers: [ModelAccuracyController],
  providers: [
    {
      provide: FeedbackLog,
      inject: [getModelToken(FeedbackRecord.name)],
      useFactory: (model: Model<FeedbackRecord>) =>
        new FeedbackLog(model.collection as unknown as mongo.Collection<FeedbackRecord>),
    },
    envOptions(MODEL_ACCURACY_OPTIONS, (env): ModelAccuracyOptions => ({
      refreshIntervalMs: env('LIVE_ACCURACY_INTERVAL_MS'),
    })),
    FeedbackRecorder,
    ModelAccuracyMetrics,
    ModelAccuracyService,
    LiveAccuracyMonitor,
  ],
  exports: [FeedbackRecorder],
})
export class ModelAccuracyModule {}
