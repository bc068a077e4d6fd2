/** Metric types of the Prometheus text exposition format 0.0.4. */
export type PrometheusMetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

/** One line of samples: `name{labels} value [timestamp]`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  /** Parsed float; `NaN`, `+Inf` and `-Inf` are allowed by the format. */
  value: number;
  /** Milliseconds since the epoch, when given. */
  timestamp?: number;
}

/** A metric family: the samples following one `# TYPE` (or an untyped run of samples of one name). */
export interface PrometheusMetricFamily {
  name: string;
  type: PrometheusMetricType;
  help?: string;
  samples: PrometheusSample[];
}

/** Thrown by `parsePrometheusText` with the 1-based line number of the first violation. */
export class PrometheusParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message);
    this.name = 'PrometheusParseError';
  }
}

/** Metric and label names allowed by Prometheus. */
export const METRIC_NAME_PATTERN = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
