import type { AccuracyWindowView } from '@sibyl/contracts';
import type {
  ModelsOverview,
  VersionRow,
  WindowFigure,
} from '../../../src/models/models-overview.view';
import { formatNumber, formatPercent, UNAVAILABLE } from '../format/number-format';

/** A table cell with text content (never HTML). */
function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

/** `97.3 % (n 120)`, or — without feedback. */
function windowText(figure: WindowFigure | undefined): string {
  if (!figure || figure.accuracy === null) return UNAVAILABLE;
  return `${formatPercent(figure.accuracy)} (n ${formatNumber(figure.n)})`;
}

function versionRow(row: VersionRow): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset['version'] = row.version;
  const status = [row.status ?? 'unregistered', row.served ? 'served' : ''].filter(Boolean);
  tr.append(
    cell(row.version, 'mono'),
    cell(status.join(', ')),
    cell(formatPercent(row.heldOutAccuracy)),
    cell(windowText(row.windows.last_100), 'num'),
    cell(windowText(row.windows.last_1000), 'num'),
    cell(windowText(row.windows.last_24h), 'num'),
  );
  return tr;
}

function confusedRows(windows: AccuracyWindowView[]): HTMLTableRowElement[] {
  const window = windows.find((w) => w.window === 'last_1000');
  return (window?.confusedPairs ?? []).map((pair) => {
    const tr = document.createElement('tr');
    tr.append(cell(pair.actual), cell(pair.predicted), cell(formatNumber(pair.count), 'num'));
    return tr;
  });
}

function textItem(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

function changelogItem(entry: Record<string, unknown>): HTMLLIElement {
  const parts = [
    typeof entry['at'] === 'string' ? new Date(entry['at']).toLocaleString('en-GB') : '',
    String(entry['action'] ?? ''),
    `by ${String(entry['actor'] ?? 'unknown')}`,
    entry['forced'] ? '(forced)' : '',
    typeof entry['reason'] === 'string' ? `— ${entry['reason']}` : '',
  ];
  return textItem(parts.filter(Boolean).join(' '));
}

function shadowText(shadow: ModelsOverview['shadow']): string {
  if (!shadow) return 'No shadow evaluation yet (npm run models -- shadow V).';
  const report = shadow.report;
  const agreement = typeof report['agreement'] === 'number' ? report['agreement'] : null;
  const disagreements = Array.isArray(report['disagreements']) ? report['disagreements'].length : 0;
  const stop = typeof report['stopReason'] === 'string' ? ` Stopped: ${report['stopReason']}.` : '';
  return `${shadow.version} against ${String(report['liveVersion'] ?? 'the live model')}: agreement ${formatPercent(agreement)} of ${formatNumber(
    Number(report['compared'] ?? 0),
  )} texts compared, ${formatNumber(disagreements)} disagreements listed (npm run models -- show ${shadow.version}).${stop}`;
}

/** Renders the Models panel from one overview. */
export function renderModels(overview: ModelsOverview): void {
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  byId('models-live').textContent =
    overview.live ?? (overview.registryAvailable ? 'none' : 'registry unavailable');
  byId('models-served').textContent = overview.served.join(', ') || UNAVAILABLE;
  const focusRow = overview.versions.find((v) => v.version === overview.focus?.version);
  byId('models-accuracy').textContent = windowText(focusRow?.windows.last_100);
  byId('models-focus').textContent = overview.focus?.version ?? UNAVAILABLE;
  byId('models-versions')
    .querySelector('tbody')
    ?.replaceChildren(...overview.versions.map(versionRow));
  byId('models-confused')
    .querySelector('tbody')
    ?.replaceChildren(...confusedRows(overview.focus?.windows ?? []));
  byId('models-shadow').textContent = shadowText(overview.shadow);
  const changelog = overview.focus?.changelog ?? [];
  byId('models-changelog').replaceChildren(
    ...(changelog.length > 0
      ? changelog.map(changelogItem)
      : [textItem('No changelog entries (the registry does not list this version).')]),
  );
  const alerts = byId('alerts');
  alerts.replaceChildren(
    ...overview.errors.map((error) => {
      const banner = document.createElement('div');
      banner.className = 'alert warning';
      banner.textContent = error;
      return banner;
    }),
  );
}
