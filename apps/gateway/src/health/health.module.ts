import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AmqpHealthIndicator } from '@sibyl/amqp';
import { HealthController } from './health.controller';

/** `/health/live` and `/health/ready` (terminus). */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [AmqpHealthIndicator],
})
export class HealthModule {}
