import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  OutboxCursorRecord,
  OutboxCursorSchema,
  PredictionRecord,
  PredictionRecordSchema,
  PredictionResultRecord,
  PredictionResultSchema,
} from '@sibyl/persistence';
import { OutboxStore } from './outbox.store';
import { PredictionStore } from './prediction.store';

/** The gateway's collections (requests, results, outbox cursor) and its stores on top of them. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PredictionRecord.name, schema: PredictionRecordSchema },
      { name: PredictionResultRecord.name, schema: PredictionResultSchema },
      { name: OutboxCursorRecord.name, schema: OutboxCursorSchema },
    ]),
  ],
  providers: [PredictionStore, OutboxStore],
  exports: [PredictionStore, OutboxStore],
})
export class RecordsModule {}
