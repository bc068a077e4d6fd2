import { Inject, Injectable } from '@nestjs/common';
import {
  Counter,
  CounterConfiguration,
  Gauge,
  GaugeConfiguration,
  Histogram,
  HistogramConfiguration,
  Registry,
} from 'prom-client';
import { METRICS_OPTIONS, METRICS_REGISTRY } from './metrics.constants';
import type { ResolvedMetricsOptions } from './metrics-module-options.interface';

/** A metric's configuration as a metrics class states it: its name without the prefix, no registry. */
type Unregistered<Configuration> = Omit<Configuration, 'registers'>;

/**
 * Creates the application's metrics on the {@link METRICS_REGISTRY}, each name behind the configured
 * prefix (`sibyl_`), so that a metrics class states only names, help texts, labels and buckets.
 * Provided (globally) by `MetricsModule`.
 */
@Injectable()
export class MetricFactory {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(METRICS_OPTIONS) private readonly options: ResolvedMetricsOptions,
  ) {}

  /** A counter named `<prefix><name>`. */
  counter<Label extends string = string>(
    configuration: Unregistered<CounterConfiguration<Label>>,
  ): Counter<Label> {
    return new Counter({ ...configuration, ...this.placed(configuration.name) });
  }

  /** A gauge named `<prefix><name>`. */
  gauge<Label extends string = string>(
    configuration: Unregistered<GaugeConfiguration<Label>>,
  ): Gauge<Label> {
    return new Gauge({ ...configuration, ...this.placed(configuration.name) });
  }

  /** A histogram named `<prefix><name>`. */
  histogram<Label extends string = string>(
    configuration: Unregistered<HistogramConfiguration<Label>>,
  ): Histogram<Label> {
    return new Histogram({ ...configuration, ...this.placed(configuration.name) });
  }

  /** A gauge without labels set to what `read` returns at each scrape. */
  gaugeReading(name: string, help: string, read: () => number | Promise<number>): Gauge {
    return this.gauge({
      name,
      help,
      async collect() {
        this.set(await read());
      },
    });
  }

  private placed(name: string): { name: string; registers: Registry[] } {
    return { name: `${this.options.prefix}${name}`, registers: [this.registry] };
  }
}
