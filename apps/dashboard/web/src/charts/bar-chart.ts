import { formatNumber } from '../format/number-format';
import { CHART_THEME, prepareCanvas } from './canvas-surface';

/** One bar. */
export interface Bar {
  label: string;
  value: number;
}

/** A horizontal bar chart on a `<canvas>`, largest first, showing at most `maxBars`. */
export class BarChart {
  private bars: Bar[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly maxBars = 8,
  ) {
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  /** Replaces the bars (any order; sorted here). */
  update(bars: readonly Bar[]): void {
    this.bars = [...bars].sort((a, b) => b.value - a.value).slice(0, this.maxBars);
    this.canvas.dataset['bars'] = String(this.bars.length);
    this.draw();
  }

  private draw(): void {
    const surface = prepareCanvas(this.canvas);
    if (!surface) return;
    const { ctx, width, height } = surface;
    ctx.font = CHART_THEME.font;
    ctx.fillStyle = CHART_THEME.text;
    ctx.textBaseline = 'middle';
    if (this.bars.length === 0) {
      ctx.textAlign = 'center';
      ctx.fillText('No predictions yet', width / 2, height / 2);
      return;
    }
    const labelWidth = 110;
    const valueWidth = 64;
    const row = Math.min(26, height / this.bars.length);
    const max = Math.max(...this.bars.map((b) => b.value), 1);
    const plotWidth = Math.max(10, width - labelWidth - valueWidth);
    this.bars.forEach((bar, i) => {
      const middle = i * row + row / 2;
      ctx.fillStyle = CHART_THEME.text;
      ctx.textAlign = 'right';
      ctx.fillText(bar.label, labelWidth - 10, middle, labelWidth - 12);
      const length = (bar.value / max) * plotWidth;
      ctx.fillStyle = CHART_THEME.bar;
      ctx.globalAlpha = 1 - i * (0.5 / this.maxBars);
      ctx.fillRect(labelWidth, middle - row * 0.32, Math.max(length, 1), row * 0.64);
      ctx.globalAlpha = 1;
      ctx.fillStyle = CHART_THEME.text;
      ctx.textAlign = 'left';
      ctx.fillText(formatNumber(bar.value), labelWidth + length + 6, middle);
    });
  }
}
