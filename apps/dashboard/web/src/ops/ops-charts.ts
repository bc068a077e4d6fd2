import type { WebConfigView } from '../api/web-config.client';
import { BarList } from '../charts/bar-list';
import { SERIES_COLORS as C } from '../charts/chart-theme';
import {
  LinePoint,
  LineSeries,
  TimeSeriesChart,
  TimeSeriesChartOptions,
} from '../charts/time-series-chart';
import { formatNumber, formatSeconds } from '../format/number-format';
import type { OpsSample } from './ops.stream';

/** Shortest time span shown, so the first samples do not stretch over the whole chart. */
const MIN_WINDOW_MS = 60_000;

const number = (v: number | null) => formatNumber(v);
const seconds = (v: number | null) => formatSeconds(v);

/** A panel's series from `[label, color]` pairs, every value shown with the panel's `format`. */
function seriesOf(
  format: (v: number | null) => string,
  ...entries: Array<[label: string, color: string]>
): LineSeries[] {
  return entries.map(([label, color]) => ({ label, color, format }));
}

/** A time-series chart of the page: its element id suffix, options and values per sample. */
interface LinePanel {
  id: string;
  options: TimeSeriesChartOptions;
  values: (s: OpsSample) => Array<number | null>;
}

const LINE_PANELS: LinePanel[] = [
  {
    id: 'queue',
    options: {
      series: seriesOf(number, ['ready', C.blue], ['unacked', C.orange]),
      minMax: 10,
    },
    values: (s) => [s.queue.ready, s.queue.unacked],
  },
  {
    id: 'throughput',
    options: {
      series: seriesOf(number, ['submitted', C.blue], ['completed', C.green], ['failed', C.red]),
      minMax: 5,
    },
    values: (s) => [
      s.throughput.submittedPerSecond,
      s.throughput.completedPerSecond,
      s.throughput.failedPerSecond,
    ],
  },
  {
    id: 'latency',
    options: {
      series: seriesOf(seconds, ['p50', C.green], ['p95', C.orange], ['p99', C.red]),
      minMax: 0.05,
      formatAxis: (v) => (v === 0 ? '0' : formatSeconds(v)),
    },
    values: (s) => [s.latency.p50, s.latency.p95, s.latency.p99],
  },
  {
    id: 'consumers',
    options: {
      series: seriesOf(number, ['consumers', C.purple], ['metrics up', C.grey]),
      minMax: 2,
    },
    values: (s) => [s.queue.consumers, s.predictors.filter((p) => p.up).length],
  },
  {
    id: 'dead',
    options: {
      series: seriesOf(number, ['dead-lettered', C.red], ['outbox backlog', C.grey]),
      minMax: 5,
    },
    values: (s) => [s.queue.deadLettered, s.queue.outboxBacklog],
  },
];

/** The charts of the operations view, fed with the whole window at each update. */
export class OpsCharts {
  private readonly lines: Array<{ chart: TimeSeriesChart; panel: LinePanel }>;
  private readonly languages: BarList;

  constructor(private readonly config: WebConfigView) {
    this.lines = LINE_PANELS.map((panel) => ({
      panel,
      chart: new TimeSeriesChart(element(`chart-${panel.id}`), panel.options),
    }));
    this.languages = new BarList(element('chart-languages'));
  }

  /** Redraws every chart over the window ending at the newest sample. */
  update(samples: readonly OpsSample[]): void {
    const newest = samples.at(-1);
    if (!newest) return;
    // The whole server window once it is full; until then what exists, but at least a minute.
    const full = newest.at - (this.config.historySize - 1) * this.config.sampleIntervalMs;
    const window = {
      from: Math.max(full, Math.min(samples[0].at, newest.at - MIN_WINDOW_MS)),
      to: newest.at,
    };
    for (const { chart, panel } of this.lines) {
      chart.update(
        samples.map((s): LinePoint => ({ t: s.at, values: panel.values(s) })),
        window,
      );
    }
    const totals = Object.entries(newest.languages);
    this.languages.update(
      totals.map(([code, value]) => ({
        label: this.config.languages[code]?.english ?? code,
        value,
      })),
    );
    element('legend-languages').textContent =
      `${formatNumber(totals.reduce((sum, [, v]) => sum + v, 0))} predictions since the predictors started`;
  }
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found;
}
