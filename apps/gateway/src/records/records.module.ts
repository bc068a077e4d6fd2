import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import {
  PredictionRecord,
  PredictionRecordSchema,
  PredictionResultRecord,
  PredictionResultSchema,
} from '@sibyl/persistence';
import type { GatewayEnvironment } from '../config/env.validation';
import { DatabaseClock } from './database.clock';
import { DatabaseDeadline } from './database-deadline';
import { PredictionStore } from './prediction.store';
import { DATABASE_OPERATION_TIMEOUT } from './records.constants';

/** The gateway's collections of requests and results, and the request path's store on top of them. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PredictionRecord.name, schema: PredictionRecordSchema },
      { name: PredictionResultRecord.name, schema: PredictionResultSchema },
    ]),
  ],
  providers: [
    PredictionStore,
    DatabaseClock,
    DatabaseDeadline,
    {
      provide: DATABASE_OPERATION_TIMEOUT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<GatewayEnvironment, true>): number =>
        config.get('DATABASE_OPERATION_TIMEOUT_MS', { infer: true }),
    },
  ],
  exports: [PredictionStore, DatabaseClock, DatabaseDeadline, MongooseModule],
})
export class RecordsModule {}
