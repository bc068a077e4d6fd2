import type { WebConfigView } from '../api/web-config.client';
import { BarChart } from '../charts/bar-chart';
import { LineChart, LinePoint } from '../charts/line-chart';
import { formatNumber, formatSeconds } from '../format/number-format';
import type { OpsSample } from './ops.stream';

/** Shortest time span shown, so the first samples do not stretch over the whole chart. */
const MIN_WINDOW_MS = 60_000;

const COLORS = {
  blue: '#2f6fdf',
  orange: '#e8833a',
  green: '#1f9d55',
  red: '#c62828',
  purple: '#7b4bc4',
  grey: '#8a96a8',
};

/** The charts of the operations view, fed with the whole window at each update. */
export class OpsCharts {
  private readonly lines: Array<{
    chart: LineChart;
    values: (s: OpsSample) => Array<number | null>;
  }>;
  private readonly languages: BarChart;

  constructor(private readonly config: WebConfigView) {
    const chart = (
      id: string,
      options: Omit<ConstructorParameters<typeof LineChart>[1], 'legend'>,
    ) =>
      new LineChart(document.getElementById(`chart-${id}`) as HTMLCanvasElement, {
        ...options,
        legend: document.getElementById(`legend-${id}`) as HTMLElement,
      });
    const number = (v: number | null) => formatNumber(v);
    const ms = (v: number | null) => formatSeconds(v);
    this.lines = [
      {
        chart: chart('queue', {
          series: [
            { label: 'ready', color: COLORS.blue, format: number },
            { label: 'unacked', color: COLORS.orange, format: number },
          ],
          minMax: 10,
        }),
        values: (s) => [s.queue.ready, s.queue.unacked],
      },
      {
        chart: chart('throughput', {
          series: [
            { label: 'submitted', color: COLORS.blue, format: number },
            { label: 'completed', color: COLORS.green, format: number },
            { label: 'failed', color: COLORS.red, format: number },
          ],
          minMax: 5,
        }),
        values: (s) => [
          s.throughput.submittedPerSecond,
          s.throughput.completedPerSecond,
          s.throughput.failedPerSecond,
        ],
      },
      {
        chart: chart('latency', {
          series: [
            { label: 'p50', color: COLORS.green, format: ms },
            { label: 'p95', color: COLORS.orange, format: ms },
            { label: 'p99', color: COLORS.red, format: ms },
          ],
          minMax: 0.05,
          formatAxis: (v) => (v === 0 ? '0' : formatSeconds(v)),
        }),
        values: (s) => [s.latency.p50, s.latency.p95, s.latency.p99],
      },
      {
        chart: chart('consumers', {
          series: [
            { label: 'consumers', color: COLORS.purple, format: number },
            { label: 'metrics up', color: COLORS.grey, format: number },
          ],
          minMax: 2,
        }),
        values: (s) => [s.queue.consumers, s.predictors.filter((p) => p.up).length],
      },
      {
        chart: chart('dead', {
          series: [
            { label: 'dead-lettered', color: COLORS.red, format: number },
            { label: 'outbox backlog', color: COLORS.grey, format: number },
          ],
          minMax: 5,
        }),
        values: (s) => [s.queue.deadLettered, s.queue.outboxBacklog],
      },
    ];
    this.languages = new BarChart(document.getElementById('chart-languages') as HTMLCanvasElement);
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
    for (const { chart, values } of this.lines) {
      chart.update(
        samples.map((s): LinePoint => ({ t: s.at, values: values(s) })),
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
    const legend = document.getElementById('legend-languages') as HTMLElement;
    legend.textContent = `${formatNumber(totals.reduce((sum, [, v]) => sum + v, 0))} predictions since the predictors started`;
  }
}
