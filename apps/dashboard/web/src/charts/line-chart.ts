import { formatCompact } from '../format/number-format';
import { niceScale, timeTicks } from './chart-scale';
import { CHART_THEME, prepareCanvas } from './canvas-surface';

/** One line of a chart. */
export interface LineSeries {
  label: string;
  color: string;
  /** Formats the latest value in the legend. */
  format?: (value: number | null) => string;
}

/** A point in time with one value per series (null = unknown, drawn as a gap). */
export interface LinePoint {
  t: number;
  values: ReadonlyArray<number | null>;
}

/** Options of a {@link LineChart}. */
export interface LineChartOptions {
  series: LineSeries[];
  /** HTML element receiving the legend with the latest values. */
  legend?: HTMLElement;
  /** Smallest top of the value axis, so a flat zero line does not fill the chart. */
  minMax?: number;
  /** Value axis labels. */
  formatAxis?: (value: number) => string;
}

const MARGIN = { left: 52, right: 14, top: 10, bottom: 24 };

/** A time-series line chart drawn on a `<canvas>`; redraws on resize. */
export class LineChart {
  private points: readonly LinePoint[] = [];
  private window = { from: 0, to: 0 };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly options: LineChartOptions,
  ) {
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  /** Replaces the data, shown over the time window [from, to] (ms since the epoch). */
  update(points: readonly LinePoint[], window: { from: number; to: number }): void {
    this.points = points;
    this.window = window;
    this.canvas.dataset['points'] = String(points.length);
    this.renderLegend();
    this.draw();
  }

  private renderLegend(): void {
    const legend = this.options.legend;
    if (!legend) return;
    const latest = this.points.at(-1);
    legend.replaceChildren(
      ...this.options.series.map((series, i) => {
        const item = document.createElement('span');
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = series.color;
        const value = document.createElement('b');
        const current = latest?.values[i] ?? null;
        value.textContent = series.format
          ? series.format(current)
          : current === null
            ? '—'
            : formatCompact(current);
        item.append(swatch, series.label, value);
        return item;
      }),
    );
  }

  private draw(): void {
    const surface = prepareCanvas(this.canvas);
    if (!surface) return;
    const { ctx, width, height } = surface;
    const plot = {
      x: MARGIN.left,
      y: MARGIN.top,
      w: width - MARGIN.left - MARGIN.right,
      h: height - MARGIN.top - MARGIN.bottom,
    };
    const { from, to } = this.window;
    const values = this.points.flatMap((p) =>
      p.values.filter((v): v is number => v !== null && Number.isFinite(v)),
    );
    const scale = niceScale(Math.max(0, ...values), 4, this.options.minMax ?? 1);
    const x = (t: number) => plot.x + ((t - from) / Math.max(to - from, 1)) * plot.w;
    const y = (v: number) => plot.y + plot.h - (v / scale.max) * plot.h;

    ctx.font = CHART_THEME.font;
    ctx.fillStyle = CHART_THEME.text;
    ctx.strokeStyle = CHART_THEME.grid;
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const tick of scale.ticks) {
      const ty = Math.round(y(tick)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(plot.x, ty);
      ctx.lineTo(plot.x + plot.w, ty);
      ctx.stroke();
      ctx.fillText((this.options.formatAxis ?? formatCompact)(tick), plot.x - 8, ty);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const tick of timeTicks(from, to, Math.max(2, Math.floor(plot.w / 90)))) {
      ctx.fillText(new Date(tick).toLocaleTimeString('en-GB'), x(tick), plot.y + plot.h + 7);
    }
    if (this.points.length === 0) {
      ctx.fillText('Waiting for data…', plot.x + plot.w / 2, plot.y + plot.h / 2 - 6);
      return;
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y - 2, plot.w + 2, plot.h + 4);
    ctx.clip();
    this.options.series.forEach((series, i) => this.drawSeries(ctx, i, series.color, x, y));
    ctx.restore();
  }

  private drawSeries(
    ctx: CanvasRenderingContext2D,
    index: number,
    color: string,
    x: (t: number) => number,
    y: (v: number) => number,
  ): void {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    ctx.fillStyle = color;
    const valueAt = (i: number) => {
      const value = this.points[i]?.values[index];
      return value === null || value === undefined || !Number.isFinite(value) ? null : value;
    };
    ctx.beginPath();
    this.points.forEach((point, i) => {
      const value = valueAt(i);
      if (value === null) return;
      if (valueAt(i - 1) !== null) ctx.lineTo(x(point.t), y(value));
      else ctx.moveTo(x(point.t), y(value));
    });
    ctx.stroke();
    // A dot on the newest value and on values with gaps on both sides (a line needs two points).
    this.points.forEach((point, i) => {
      const value = valueAt(i);
      const last = i === this.points.length - 1;
      if (value === null || (!last && (valueAt(i - 1) !== null || valueAt(i + 1) !== null))) return;
      ctx.beginPath();
      ctx.arc(x(point.t), y(value), 2.5, 0, Math.PI * 2);
      ctx.fill();
    });
  }
}
