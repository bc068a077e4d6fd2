/** A ratio as a percentage with 2 decimals (`97.31%`), or `-` when absent. */
export function percent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '-' : `${(value * 100).toFixed(2)}%`;
}

/** A signed ratio delta in percentage points (`+0.12 pp`, `-1.40 pp`), or `-`. */
export function deltaPoints(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return `${value >= 0 ? '+' : ''}${(value * 100).toFixed(2)} pp`;
}
