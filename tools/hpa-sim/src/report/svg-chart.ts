import { niceTicks, shortNumber } from './nice-scale';

/** One line of a panel. */
export interface Series {
  name: string;
  color: string;
  points: Array<[number, number]>;
  dashed?: boolean;
}

/** One chart panel; all panels share the x axis. */
export interface Panel {
  title: string;
  series: Series[];
  /** Horizontal reference lines (e.g. the latency bound). */
  references?: Array<{ label: string; value: number; color: string }>;
}

export interface Chart {
  title: string;
  subtitle: string;
  xLabel: string;
  panels: Panel[];
}

const WIDTH = 1000;
const LEFT = 70;
const RIGHT = 20;
const PANEL_HEIGHT = 150;
const PANEL_GAP = 48;
const TOP = 90;

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Renders stacked line panels as a standalone SVG document (no dependencies, no scripts). */
export function renderSvgChart(chart: Chart): string {
  const xs = chart.panels.flatMap((p) => p.series.flatMap((s) => s.points.map(([x]) => x)));
  const xMax = Math.max(...xs);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const sx = (x: number) => LEFT + (x / xMax) * plotWidth;
  const height = TOP + chart.panels.length * (PANEL_HEIGHT + PANEL_GAP) + 10;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="28" font-size="18" font-weight="bold">${esc(chart.title)}</text>`,
    `<text x="${LEFT}" y="48" fill="#555555">${esc(chart.subtitle)}</text>`,
  ];
  chart.panels.forEach((panel, index) => {
    const top = TOP + index * (PANEL_HEIGHT + PANEL_GAP);
    const values = [
      ...panel.series.flatMap((s) => s.points.map(([, y]) => y)),
      ...(panel.references ?? []).map((r) => r.value),
    ];
    const yTicks = niceTicks(Math.max(...values) * 1.05);
    const yMax = yTicks[yTicks.length - 1];
    const sy = (y: number) => top + PANEL_HEIGHT - (y / yMax) * PANEL_HEIGHT;
    parts.push(`<text x="${LEFT}" y="${top - 8}" font-weight="bold">${esc(panel.title)}</text>`);
    for (const tick of yTicks) {
      parts.push(
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${sy(tick).toFixed(1)}" y2="${sy(tick).toFixed(1)}" stroke="#e5e5e5"/>`,
      );
      parts.push(
        `<text x="${LEFT - 6}" y="${(sy(tick) + 4).toFixed(1)}" text-anchor="end" fill="#555555">${shortNumber(tick)}</text>`,
      );
    }
    for (const tick of niceTicks(xMax, 10).filter((t) => t <= xMax)) {
      parts.push(
        `<line x1="${sx(tick).toFixed(1)}" x2="${sx(tick).toFixed(1)}" y1="${top}" y2="${top + PANEL_HEIGHT}" stroke="#f0f0f0"/>`,
      );
      parts.push(
        `<text x="${sx(tick).toFixed(1)}" y="${top + PANEL_HEIGHT + 14}" text-anchor="middle" fill="#555555">${shortNumber(tick)}</text>`,
      );
    }
    parts.push(
      `<rect x="${LEFT}" y="${top}" width="${plotWidth}" height="${PANEL_HEIGHT}" fill="none" stroke="#999999"/>`,
    );
    for (const reference of panel.references ?? []) {
      const y = sy(reference.value).toFixed(1);
      parts.push(
        `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y}" y2="${y}" stroke="${reference.color}" stroke-dasharray="2 3"/>`,
      );
      parts.push(
        `<text x="${WIDTH - RIGHT - 4}" y="${Number(y) - 4}" text-anchor="end" fill="${reference.color}">${esc(reference.label)}</text>`,
      );
    }
    panel.series.forEach((series, i) => {
      const path = series.points
        .map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`)
        .join(' ');
      const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
      parts.push(
        `<polyline fill="none" stroke="${series.color}" stroke-width="1.6"${dash} points="${path}"/>`,
      );
      const lx = LEFT + 330 + i * 200;
      parts.push(
        `<line x1="${lx}" x2="${lx + 18}" y1="${top - 12}" y2="${top - 12}" stroke="${series.color}" stroke-width="2"${dash}/>`,
      );
      parts.push(`<text x="${lx + 24}" y="${top - 8}">${esc(series.name)}</text>`);
    });
  });
  parts.push(
    `<text x="${LEFT + plotWidth / 2}" y="${height - 6}" text-anchor="middle" fill="#555555">${esc(chart.xLabel)}</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
