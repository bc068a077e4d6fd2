import { Inject, Injectable } from '@nestjs/common';
import type { QueueStatsView } from '@sibyl/contracts';
import { METRICS_OPTIONS, METRICS_REGISTRY, ResolvedMetricsOptions } from '@sibyl/observability';
import { Gauge, Registry } from 'prom-client';
import { QueueDepthService } from './queue-depth.service';

/** Gauges refreshed from the broker at each scrape (NaN while a figure is unavailable). */
@Injectable()
export class QueueMetrics {
  readonly gauges: Gauge[];

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) options: ResolvedMetricsOptions,
    queueDepth: QueueDepthService,
  ) {
    const gauge = (name: string, help: string, pick: (stats: QueueStatsView) => number | null) =>
      new Gauge({
        name: `${options.prefix}${name}`,
        help,
        registers: [registry],
        async collect() {
          const stats = await queueDepth.stats().catch(() => undefined);
          this.set((stats && pick(stats)) ?? NaN);
        },
      });
    this.gauges = [
      gauge('queue_messages_ready', 'Messages waiting in the requests queue', (s) => s.ready),
      gauge(
        'queue_messages_unacked',
        'Messages delivered to predictors, not yet acked (management API)',
        (s) => s.unacked,
      ),
      gauge('queue_consumers', 'Predictors consuming the requests queue', (s) => s.consumers),
      gauge('dead_lettered_messages', 'Messages in the dead-letter queue', (s) => s.deadLettered),
    ];
  }
}
