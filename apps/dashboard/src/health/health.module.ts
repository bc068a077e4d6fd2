import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { GatewayHealthIndicator } from './gateway.health';
import { HEALTH_FETCH } from './health.constants';
import { HealthController } from './health.controller';

/** `/health/live` and `/health/ready`. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [
    GatewayHealthIndicator,
    { provide: HEALTH_FETCH, useValue: (url: string, init?: RequestInit) => fetch(url, init) },
  ],
})
export class HealthModule {}
