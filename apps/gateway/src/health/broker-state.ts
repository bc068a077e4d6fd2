import { Injectable } from '@nestjs/common';
import { PredictionPublisher, TopologyMonitor } from '@sibyl/amqp';
import { QueueDepthService } from '../queue/queue-depth.service';

/** The broker's state as readiness reports it: shown, never gating. */
export interface BrokerStateReport {
  /** Always false: the gateway accepts requests during a broker outage (the outbox publishes later). */
  gating: false;
  connected: boolean;
  /** Why the broker blocks publishing (memory or disk alarm), or null. */
  blocked: string | null;
  /** The publisher channel is open (false after the broker closed it, until it is re-opened). */
  publisherChannel: 'open' | 'closed';
  /** The queue-depth probe's channel. */
  inspectorChannel: 'open' | 'closed';
  /** `as declared`, or the broker's refusal of part of the topology (drift). */
  topology: string;
}

/** Reads the broker-side state of the gateway (connection, alarm, channels, topology drift). */
@Injectable()
export class BrokerState {
  constructor(
    private readonly publisher: PredictionPublisher,
    private readonly topology: TopologyMonitor,
    private readonly queueDepth: QueueDepthService,
  ) {}

  /** The current state. */
  report(): BrokerStateReport {
    return {
      gating: false,
      connected: this.publisher.connected,
      blocked: this.publisher.blockedReason ?? null,
      publisherChannel: this.publisher.channelOpen ? 'open' : 'closed',
      inspectorChannel: this.queueDepth.inspectorOpen ? 'open' : 'closed',
      topology: this.topology.mismatch ? `mismatch: ${this.topology.mismatch}` : 'as declared',
    };
  }

  /** True while the broker refuses part of the declared topology. */
  get topologyMismatch(): boolean {
    return this.topology.mismatch !== undefined;
  }
}
