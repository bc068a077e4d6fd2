import { Module } from '@nestjs/common';
import { PredictionModule } from '../prediction/prediction.module';
import { TransportModule } from '../transport/transport.module';
import { PredictionConsumer } from './prediction.consumer';

/** The message handlers of the predictor microservice. */
@Module({
  imports: [PredictionModule, TransportModule],
  controllers: [PredictionConsumer],
})
export class ConsumerModule {}
