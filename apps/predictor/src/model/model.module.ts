import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getConnectionToken } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import { ModelRegistry } from '@sibyl/registry';
import type { Connection } from 'mongoose';
import type { PredictorEnvironment } from '../config/env.validation';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import { PredictorMetricsModule } from '../metrics/predictor-metrics.module';
import { CachingModelSource } from './caching-model.source';
import { MODEL_SOURCE } from './model.constants';
import { WorkerModelDecoder } from './model-decoder';
import { ModelEventsListener } from './model-events.listener';
import { ModelHealthIndicator } from './model.health';
import type { ModelSource } from './model-source.interface';
import { ModelSwapService } from './model-swap.service';
import { RegistryModelSource } from './registry-model.source';
import { ServingModel } from './serving-model';

/**
 * The served model: loaded from the registry's live version before the application listens (MODEL_PATH only
 * when the registry is empty), then hot-swapped on `model.promoted` events and on a periodic re-check.
 */
@Module({
  imports: [TerminusModule, PredictorMetricsModule],
  providers: [
    {
      provide: MODEL_SOURCE,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection): ModelSource =>
        new CachingModelSource(
          new RegistryModelSource(new ModelRegistry(connection.getClient().db(connection.name))),
        ),
    },
    {
      provide: ModelSwapService,
      inject: [MODEL_SOURCE, PredictorMetrics, ConfigService],
      useFactory: (
        source: ModelSource,
        metrics: PredictorMetrics,
        config: ConfigService<PredictorEnvironment, true>,
      ) =>
        ModelSwapService.boot(source, metrics, {
          modelPath: config.get('MODEL_PATH', { infer: true }),
          recheckIntervalMs: config.get('MODEL_RECHECK_INTERVAL_MS', { infer: true }),
          decoder: new WorkerModelDecoder({
            timeoutMs: config.get('MODEL_DECODE_TIMEOUT_MS', { infer: true }),
          }),
        }),
    },
    {
      provide: ServingModel,
      inject: [ModelSwapService],
      useFactory: (swap: ModelSwapService) => swap.serving,
    },
    ModelEventsListener,
    ModelHealthIndicator,
  ],
  exports: [ServingModel, ModelSwapService, ModelHealthIndicator],
})
export class ModelModule {}
