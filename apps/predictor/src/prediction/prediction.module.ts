import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { MicroBatcherOptions } from '../batching/micro-batcher';
import type { PredictorEnvironment } from '../config/env.validation';
import { PredictorMetricsModule } from '../metrics/predictor-metrics.module';
import { ModelModule } from '../model/model.module';
import { ResultsModule } from '../results/results.module';
import { BATCHING_OPTIONS } from './prediction.constants';
import { isDatabaseUnavailable } from '@sibyl/persistence';
import { PredictionService } from './prediction.service';
import { StorageOutage } from './storage-outage';

/** Micro-batched classification and result storage. */
@Module({
  imports: [ModelModule, ResultsModule, PredictorMetricsModule],
  providers: [
    PredictionService,
    {
      provide: StorageOutage,
      useFactory: () => new StorageOutage({ isUnavailable: isDatabaseUnavailable }),
    },
    {
      provide: BATCHING_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<PredictorEnvironment, true>): MicroBatcherOptions => ({
        maxSize: config.get('BATCH_MAX_SIZE', { infer: true }),
        maxWaitMs: config.get('BATCH_MAX_WAIT_MS', { infer: true }),
      }),
    },
  ],
  exports: [PredictionService, StorageOutage],
})
export class PredictionModule {}
