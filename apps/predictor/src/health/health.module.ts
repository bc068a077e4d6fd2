import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AmqpHealthIndicator } from '@sibyl/amqp';
import { ModelModule } from '../model/model.module';
import { ShadowModule } from '../shadow/shadow.module';
import { TransportModule } from '../transport/transport.module';
import { DatabasePingHealthIndicator } from './database-ping.health';
import { HealthController } from './health.controller';

/** `/health/live` and `/health/ready` (terminus). */
@Module({
  imports: [TerminusModule, ModelModule, ShadowModule, TransportModule],
  controllers: [HealthController],
  providers: [AmqpHealthIndicator, DatabasePingHealthIndicator],
})
export class HealthModule {}
