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
