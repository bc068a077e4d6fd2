/** Shown for a figure the sources could not provide. */
export const UNAVAILABLE = '—';

/** `0.973` → `97.3 %`. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? UNAVAILABLE : `${(value * 100).toFixed(1)} %`;
}

/** Counts and rates: integers as `1,234`, small rates with one decimal. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return UNAVAILABLE;
  if (Math.abs(value) >= 100 || Number.isInteger(value))
    return Math.round(value).toLocaleString('en-US');
  return value.toFixed(1);
}

/** Seconds as `4.2 ms`, `850 ms`, `1.25 s` or `42 s`. */
export function formatSeconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return UNAVAILABLE;
  if (value === 0) return '0 s';
  if (value < 1) return `${value < 0.01 ? (value * 1000).toFixed(1) : Math.round(value * 1000)} ms`;
  return value < 10 ? `${value.toFixed(2)} s` : `${Math.round(value)} s`;
}

/** Axis labels: `1.5k`, `2M`, `0.25`. */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${+(value / 1e3).toFixed(1)}k`;
  return `${+value.toFixed(abs < 1 ? 2 : 1)}`;
}
