import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { PredictionResultRecord, PredictionResultSchema } from '@sibyl/persistence';
import type { PredictorEnvironment } from '../config/env.validation';
import { PredictorMetricsModule } from '../metrics/predictor-metrics.module';
import { ResultWriter } from './result.writer';
import { RESULT_WRITE_TIMEOUT } from './results.constants';

/** Stores prediction results (`prediction_results` collection, one insert per batch). */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PredictionResultRecord.name, schema: PredictionResultSchema },
    ]),
    PredictorMetricsModule,
  ],
  providers: [
    ResultWriter,
    {
      provide: RESULT_WRITE_TIMEOUT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<PredictorEnvironment, true>): number =>
        config.get('DATABASE_OPERATION_TIMEOUT_MS', { infer: true }),
    },
  ],
  exports: [ResultWriter],
})
export class ResultsModule {}
