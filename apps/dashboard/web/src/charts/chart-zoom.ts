/** A time range in ms since the epoch. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** Scale bounds as uPlot reports them, in seconds. */
interface ScaleBounds {
  min?: number | null;
  max?: number | null;
}

/** Difference (s) below which a scale is taken to be the live window (float round trips). */
const SAME_RANGE_S = 1e-6;

/**
 * Whether a live chart follows the newest window or stays on a range the user zoomed to. Every scale change is
 * observed; one that is not the live window the chart itself applied is the user's zoom, kept until {@link reset}.
 */
export class ChartZoom {
  private live: TimeWindow | undefined;
  private zoomed = false;

  /** @param apply sets the chart's time scale to a range. */
  constructor(private readonly apply: (range: TimeWindow) => void) {}

  /** True while the user's range is shown instead of the live window. */
  get isZoomed(): boolean {
    return this.zoomed;
  }

  /** Moves to the new live window, unless zoomed in. */
  follow(window: TimeWindow): void {
    this.live = window;
    if (!this.zoomed) this.apply(window);
  }

  /** Back to the live window (double-click). */
  reset(): void {
    this.zoomed = false;
    if (this.live) this.apply(this.live);
  }

  /** Called with the time scale after every change (uPlot's setScale hook). */
  observe(scale: ScaleBounds): void {
    if (!this.live || scale.min == null || scale.max == null) return;
    this.zoomed =
      Math.abs(scale.min - this.live.from / 1000) > SAME_RANGE_S ||
      Math.abs(scale.max - this.live.to / 1000) > SAME_RANGE_S;
  }
}
