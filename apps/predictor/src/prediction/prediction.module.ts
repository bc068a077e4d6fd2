import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AdaptiveBatchController } from '../batching/adaptive-batch-controller';
import type { MicroBatcherOptions } from '../batching/micro-batcher';
import type { PredictorEnvironment } from '../config/env.validation';
import { CompletionsModule } from '../completions/completions.module';
import { PredictorMetricsModule } from '../metrics/predictor-metrics.module';
import { ModelModule } from '../model/model.module';
import { ResultsModule } from '../results/results.module';
import { BATCHING_OPTIONS } from './prediction.constants';
import { isDatabaseUnavailable } from '@sibyl/persistence';
import { PredictionService } from './prediction.service';
import { StorageOutage } from './storage-outage';

/** Micro-batched (adaptive, pipelined) classification and result storage. */
@Module({
  imports: [ModelModule, ResultsModule, PredictorMetricsModule, CompletionsModule],
  providers: [
    PredictionService,
    {
      provide: StorageOutage,
      useFactory: () => new StorageOutage({ isUnavailable: isDatabaseUnavailable }),
    },
    {
      provide: BATCHING_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<PredictorEnvironment, true>): MicroBatcherOptions => {
        const maxSize = config.get('BATCH_MAX_SIZE', { infer: true });
        const maxWaitMs = config.get('BATCH_MAX_WAIT_MS', { infer: true });
        const adaptive = config.get('BATCH_MODE', { infer: true }) === 'adaptive';
        return {
          maxSize,
          maxWaitMs,
          maxInFlightCommits: config.get('BATCH_WRITES_IN_FLIGHT', { infer: true }),
          pipeline: config.get('BATCH_PIPELINE', { infer: true }) === 'on',
          policy: adaptive ? new AdaptiveBatchController({ maxSize, maxWaitMs }) : undefined,
        };
      },
    },
  ],
  exports: [PredictionService, StorageOutage],
})
export class PredictionModule {}
