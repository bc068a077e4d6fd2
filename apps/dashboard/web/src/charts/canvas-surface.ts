/** Colours and font shared by the charts (match styles.css). */
export const CHART_THEME = {
  font: '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  text: '#5d6b7e',
  grid: '#e8ecf2',
  bar: '#2f6fdf',
} as const;

/**
 * Sizes the canvas backing store to its CSS size × devicePixelRatio (crisp lines on high-DPI screens), clears it
 * and returns a context in CSS pixels; undefined while the canvas is not laid out.
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
): { ctx: CanvasRenderingContext2D; width: number; height: number } | undefined {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx || width === 0 || height === 0) return undefined;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height };
}
