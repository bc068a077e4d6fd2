import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  PredictionRecord,
  PredictionRecordSchema,
  PredictionResultRecord,
  PredictionResultSchema,
} from '@sibyl/persistence';
import { DatabaseClock } from './database.clock';
import { PredictionStore } from './prediction.store';

/** The gateway's collections of requests and results, and the request path's store on top of them. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PredictionRecord.name, schema: PredictionRecordSchema },
      { name: PredictionResultRecord.name, schema: PredictionResultSchema },
    ]),
  ],
  providers: [PredictionStore, DatabaseClock],
  exports: [PredictionStore, DatabaseClock, MongooseModule],
})
export class RecordsModule {}
