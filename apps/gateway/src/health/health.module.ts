import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { OutboxModule } from '../outbox/outbox.module';
import { QueueModule } from '../queue/queue.module';
import { BrokerState } from './broker-state';
import { BrokerStateMetrics } from './broker-state.metrics';
import { DatabaseWriteHealthIndicator } from './database-write.health';
import { HealthController } from './health.controller';
import { OutboxBacklogHealthIndicator } from './outbox-backlog.health';

/** `/health/live` and `/health/ready` (terminus), and the broker-state gauges. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), OutboxModule, QueueModule],
  controllers: [HealthController],
  providers: [
    DatabaseWriteHealthIndicator,
    OutboxBacklogHealthIndicator,
    BrokerState,
    BrokerStateMetrics,
  ],
})
export class HealthModule {}
