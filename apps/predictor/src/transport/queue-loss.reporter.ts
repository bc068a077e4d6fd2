import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TopologyMonitor } from '@sibyl/amqp';
import { OutboxCursorRecord, requestRepublish } from '@sibyl/persistence';
import { Model } from 'mongoose';
import { AmqpStrategy } from './amqp.strategy';

/**
 * Reports a lost requests queue to the gateways: when the broker cancels this predictor's
 * consumer (the queue was deleted, with the messages it held) or the topology monitor finds the
 * queue missing or declared again, it increments the shared republish marker
 * (`outbox_cursors`, `_id: 'republish'`); every gateway's outbox relay then republishes the
 * requests without a result at once, instead of after `OUTBOX_REPUBLISH_AFTER_MS`.
 */
@Injectable()
export class QueueLossReporter implements OnModuleInit {
  private readonly logger = new Logger(QueueLossReporter.name);

  constructor(
    @InjectModel(OutboxCursorRecord.name) private readonly cursors: Model<OutboxCursorRecord>,
    private readonly strategy: AmqpStrategy,
    private readonly topology: TopologyMonitor,
  ) {}

  /** Listens to the strategy and the topology monitor. */
  onModuleInit(): void {
    this.strategy.on('cancelled', () => {
      void this.report('consumer cancelled by the broker');
      void this.topology.verify(); // declares the queue again and checks for drift at once
    });
    this.topology.onRequestsQueueLost((reason) => void this.report(reason));
  }

  /** Increments the marker (never rejects: a failure is logged; the gateways' age-based sweep remains). */
  async report(reason: string): Promise<void> {
    try {
      await requestRepublish(this.cursors);
      this.logger.warn(`requests queue lost (${reason}): asked the gateways to republish`);
    } catch (error) {
      this.logger.error(`could not set the republish marker: ${(error as Error).message}`);
    }
  }
}
