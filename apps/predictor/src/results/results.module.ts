import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PredictionResultRecord, PredictionResultSchema } from '@sibyl/persistence';
import { ResultWriter } from './result.writer';

/** Stores prediction results (`prediction_results` collection, one insert per batch). */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PredictionResultRecord.name, schema: PredictionResultSchema },
    ]),
  ],
  providers: [ResultWriter],
  exports: [ResultWriter],
})
export class ResultsModule {}
