import { Gauge, type Registry } from 'prom-client';

/** Creates one gauge, `prefix` + `name`, whose value is read from the live state at each scrape. */
export type StateGaugeFactory<S> = (
  name: string,
  help: string,
  read: (state: S) => number,
) => Gauge;

/**
 * A factory of gauges read at scrape time (`collect`) from whatever `current()` returns then, so
 * the owner can swap in its live state source after the metrics are registered.
 */
export function stateGauges<S>(
  registry: Registry,
  prefix: string,
  current: () => S,
): StateGaugeFactory<S> {
  return (name, help, read) =>
    new Gauge({
      name: `${prefix}${name}`,
      help,
      registers: [registry],
      collect() {
        this.set(read(current()));
      },
    });
}
