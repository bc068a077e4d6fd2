import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PredictionRecord, PredictionRecordSchema } from '@sibyl/persistence';
import { ResultWriter } from './result.writer';

/** Stores prediction results on the request documents (`predictions` collection). */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: PredictionRecord.name, schema: PredictionRecordSchema }]),
  ],
  providers: [ResultWriter],
  exports: [ResultWriter],
})
export class ResultsModule {}
