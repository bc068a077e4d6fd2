/** A value axis from 0 to a "nice" maximum, with evenly spaced ticks. */
export interface ValueScale {
  max: number;
  ticks: number[];
}

/** Rounds the axis up to 1, 2, 2.5 or 5 × 10ⁿ steps so labels read well; at least `minMax`. */
export function niceScale(maxValue: number, tickCount = 4, minMax = 1): ValueScale {
  const top = Math.max(Number.isFinite(maxValue) ? maxValue : 0, minMax);
  const rough = top / tickCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const residual = rough / magnitude;
  const nice =
    residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  const step = nice * magnitude;
  const max = Math.ceil(top / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + step / 1e6; i++) ticks.push(+(i * step).toPrecision(12));
  return { max, ticks };
}

const TIME_STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map(
  (s) => s * 1000,
);

/** Clock-aligned time ticks (multiples of 1 s … 1 h) in [from, to], about `maxTicks` of them (at most one more). */
export function timeTicks(from: number, to: number, maxTicks = 6): number[] {
  const span = Math.max(to - from, 1);
  const step =
    TIME_STEPS_MS.find((s) => span / s <= maxTicks) ?? TIME_STEPS_MS[TIME_STEPS_MS.length - 1];
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
