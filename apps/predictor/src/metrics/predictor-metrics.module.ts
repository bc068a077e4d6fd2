import { Module } from '@nestjs/common';
import { PredictorMetrics } from './predictor.metrics';

/**
 * The predictor's metric set, registered on the registry of the global `MetricsModule`
 * (`@sibyl/observability`), which also serves `/metrics`.
 */
@Module({
  providers: [PredictorMetrics],
  exports: [PredictorMetrics],
})
export class PredictorMetricsModule {}
