import uPlot from 'uplot';
import { formatCompact } from '../format/number-format';
import { niceScale } from './chart-scale';
import { CHART_THEME } from './chart-theme';
import { ChartZoom, TimeWindow } from './chart-zoom';

/** One line of a chart. */
export interface LineSeries {
  label: string;
  color: string;
  /** Formats a value in the legend (the hovered one, else the latest). */
  format?: (value: number | null) => string;
}

/** A point in time with one value per series (null = unknown, drawn as a gap). */
export interface LinePoint {
  t: number;
  values: ReadonlyArray<number | null>;
}

/** Options of a {@link TimeSeriesChart}. */
export interface TimeSeriesChartOptions {
  series: LineSeries[];
  /** Smallest top of the value axis, so a flat zero line does not fill the chart. */
  minMax?: number;
  /** Value axis labels. */
  formatAxis?: (value: number) => string;
}

/** Plot height in CSS pixels; the width follows the container. */
const PLOT_HEIGHT = 220;
const LINE_WIDTH = 2;
/** Room for the axis labels, CSS pixels. */
const X_AXIS_SIZE = 30;
const Y_AXIS_SIZE = 56;
/** Least distance between time ticks, so `00:15:30` labels do not touch. */
const X_TICK_SPACE = 55;
const MS_PER_S = 1000;
const SECONDS_PER_MINUTE = 60;

/**
 * A live time-series chart (uPlot) in `container`: hover shows the values under the cursor in the legend (the latest
 * values otherwise), dragging across the plot zooms on that time range (double-click returns to the live window),
 * clicking a legend entry hides or shows its series. Resizes with its container.
 */
export class TimeSeriesChart {
  private readonly plot: uPlot;
  private readonly zoom: ChartZoom;
  private latest: ReadonlyArray<number | null> = [];

  constructor(
    private readonly container: HTMLElement,
    options: TimeSeriesChartOptions,
  ) {
    this.zoom = new ChartZoom((range) =>
      this.plot.setScale('x', { min: range.from / MS_PER_S, max: range.to / MS_PER_S }),
    );
    const minMax = options.minMax ?? 1;
    const formatAxis = options.formatAxis ?? formatCompact;
    this.plot = new uPlot(
      {
        width: Math.max(container.clientWidth, 1),
        height: PLOT_HEIGHT,
        scales: {
          x: { time: true, auto: false },
          y: { range: (_u, _min, max) => [0, niceScale(max, 4, minMax).max] },
        },
        axes: [
          {
            stroke: CHART_THEME.text,
            grid: { stroke: CHART_THEME.grid },
            ticks: { show: false },
            size: X_AXIS_SIZE,
            space: X_TICK_SPACE,
            // 24-hour clock; seconds only when ticks are less than a minute apart.
            values: (_u, splits, _axis, _space, incr) =>
              splits.map((t) => clock(t * MS_PER_S, incr < SECONDS_PER_MINUTE)),
          },
          {
            stroke: CHART_THEME.text,
            grid: { stroke: CHART_THEME.grid },
            ticks: { show: false },
            size: Y_AXIS_SIZE,
            values: (_u, splits) => splits.map((v) => formatAxis(v)),
          },
        ],
        series: [
          { value: (_u, t) => (t === null ? 'latest' : clock(t * MS_PER_S, true)) },
          ...options.series.map((series, i): uPlot.Series => ({
            label: series.label,
            stroke: series.color,
            width: LINE_WIDTH,
            points: { size: 5, fill: series.color },
            // idx null: the cursor is off the plot, so the legend shows the newest value.
            value: (_u, value, _s, idx) =>
              (series.format ?? formatLegend)(idx === null ? (this.latest[i] ?? null) : value),
          })),
        ],
        legend: { markers: { fill: (_u, i) => options.series[i - 1]?.color ?? 'transparent' } },
        cursor: {
          drag: { x: true, y: false, setScale: true },
          bind: {
            dblclick: () => () => {
              this.zoom.reset();
              return null;
            },
          },
        },
        hooks: { setScale: [(u, key) => key === 'x' && this.observeZoom(u.scales.x)] },
      },
      [[]],
      container,
    );
    new ResizeObserver(() => this.resize()).observe(container);
  }

  /** Replaces the data, shown over the time window [from, to] (ms since the epoch) unless the user zoomed in. */
  update(points: readonly LinePoint[], window: TimeWindow): void {
    this.latest = points.at(-1)?.values ?? [];
    const columns: uPlot.AlignedData = [
      points.map((p) => p.t / MS_PER_S),
      ...this.plotSeries().map((_, i) => points.map((p) => finite(p.values[i]))),
    ];
    this.container.dataset['points'] = String(points.length);
    // Rescales y to the new data; x is not auto-scaled, it stays where the zoom puts it.
    this.plot.setData(columns);
    this.zoom.follow(window);
  }

  /** Tracks the user's zoom; `data-zoomed` on the container says which range is shown. */
  private observeZoom(scale: uPlot.Scale): void {
    this.zoom.observe(scale);
    this.container.dataset['zoomed'] = String(this.zoom.isZoomed);
  }

  private plotSeries(): uPlot.Series[] {
    return this.plot.series.slice(1);
  }

  private resize(): void {
    const width = this.container.clientWidth;
    if (width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: PLOT_HEIGHT });
  }
}

function finite(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

function formatLegend(value: number | null): string {
  return value === null ? '—' : formatCompact(value);
}

const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const CLOCK_SECONDS = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** `14:05` or `14:05:30`, local time (formatters made once: axis labels are formatted at every update). */
function clock(ms: number, seconds: boolean): string {
  return (seconds ? CLOCK_SECONDS : CLOCK).format(ms);
}
