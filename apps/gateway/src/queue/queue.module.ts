import { Module } from '@nestjs/common';
import { QueueController } from './queue.controller';
import { QueueDepthService } from './queue-depth.service';
import { QueueMetrics } from './queue.metrics';

/** Queue depth: `GET /v1/queue`, the broker gauges, and the probe the outbox relay consults. */
@Module({
  controllers: [QueueController],
  providers: [QueueDepthService, QueueMetrics],
  exports: [QueueDepthService],
})
export class QueueModule {}
