/** Colours shared by the charts (match styles.css). */
export const CHART_THEME = {
  text: '#5d6b7e',
  grid: '#e8ecf2',
} as const;

/** Series colours. */
export const SERIES_COLORS = {
  blue: '#2f6fdf',
  orange: '#e8833a',
  green: '#1f9d55',
  red: '#c62828',
  purple: '#7b4bc4',
  grey: '#8a96a8',
} as const;
