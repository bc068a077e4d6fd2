import { Inject, Injectable } from '@nestjs/common';
import {
  METRICS_OPTIONS,
  METRICS_REGISTRY,
  ResolvedMetricsOptions,
  stateGauges,
} from '@sibyl/observability';
import type { Registry } from 'prom-client';
import { BrokerState } from './broker-state';

/** Gauges of the broker-side state: topology drift, broker alarm, publisher channel. */
@Injectable()
export class BrokerStateMetrics {
  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) options: ResolvedMetricsOptions,
    state: BrokerState,
  ) {
    const gauge = stateGauges(registry, options.prefix, () => state);
    gauge(
      'topology_mismatch',
      '1 while the broker refuses part of the declared topology (e.g. the requests queue declared with other arguments)',
      (broker) => (broker.topologyMismatch ? 1 : 0),
    );
    gauge(
      'broker_blocked',
      '1 while the broker blocks publishing (memory or disk alarm); publishes are kept for a retry',
      (broker) => (broker.report().blocked === null ? 0 : 1),
    );
    gauge(
      'publisher_channel_open',
      '1 while the publisher channel is open (0 while the broker is unreachable or after it closed the channel, until re-opened)',
      (broker) => (broker.report().publisherChannel === 'open' ? 1 : 0),
    );
  }
}
