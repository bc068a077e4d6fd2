import { Injectable } from '@nestjs/common';
import { MetricFactory } from '@sibyl/observability';
import { BrokerState } from './broker-state';

/** Gauges of the broker-side state: topology drift, broker alarm, publisher channel. */
@Injectable()
export class BrokerStateMetrics {
  constructor(metrics: MetricFactory, state: BrokerState) {
    metrics.gaugeReading(
      'topology_mismatch',
      '1 while the broker refuses part of the declared topology (e.g. the requests queue declared with other arguments)',
      () => (state.topologyMismatch ? 1 : 0),
    );
    metrics.gaugeReading(
      'broker_blocked',
      '1 while the broker blocks publishing (memory or disk alarm); publishes are kept for a retry',
      () => (state.report().blocked === null ? 0 : 1),
    );
    metrics.gaugeReading(
      'publisher_channel_open',
      '1 while the publisher channel is open (0 while the broker is unreachable or after it closed the channel, until re-opened)',
      () => (state.report().publisherChannel === 'open' ? 1 : 0),
    );
  }
}
