import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PredictionRecord, PredictionRecordSchema } from '@sibyl/persistence';
import { PredictionStore } from './prediction.store';

/** The `predictions` collection and the gateway's store on top of it. */
@Module({
  imports: [MongooseModule.forFeature([{ name: PredictionRecord.name, schema: PredictionRecordSchema }])],
  providers: [PredictionStore],
  exports: [PredictionStore],
})
export class RecordsModule {}
