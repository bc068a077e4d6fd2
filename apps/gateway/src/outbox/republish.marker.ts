import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TopologyMonitor } from '@sibyl/amqp';
import { OutboxCursorRecord, republishGeneration, requestRepublish } from '@sibyl/persistence';
import { Model } from 'mongoose';
import type { RepublishSignal } from './outbox.relay';

/**
 * The gateway's side of the shared republish marker (`outbox_cursors`, `_id: 'republish'`): when
 * this gateway's topology monitor finds the requests queue lost (missing, or declared again), it
 * increments the marker, so that every gateway's relay — this one included — republishes the
 * requests that sat in the lost queue. Predictors increment it too when the broker cancels their
 * consumer. The relay reads it through {@link RepublishSignal}.
 */
@Injectable()
export class RepublishMarker implements RepublishSignal, OnModuleInit {
  private readonly logger = new Logger(RepublishMarker.name);

  constructor(
    @InjectModel(OutboxCursorRecord.name) private readonly cursors: Model<OutboxCursorRecord>,
    private readonly topology: TopologyMonitor,
  ) {}

  /** Listens to the topology monitor. */
  onModuleInit(): void {
    this.topology.onRequestsQueueLost(() => void this.report());
  }

  /** Increments the marker (never rejects: a failure is logged; the age-based sweep remains). */
  async report(): Promise<void> {
    try {
      await requestRepublish(this.cursors);
    } catch (error) {
      this.logger.error(`could not set the republish marker: ${(error as Error).message}`);
    }
  }

  /** {@inheritDoc RepublishSignal.generation} */
  generation(): Promise<number> {
    return republishGeneration(this.cursors);
  }
}
