import type { WebConfigView } from '../api/web-config.client';
import { formatNumber, formatSeconds, UNAVAILABLE } from '../format/number-format';
import type { OpsSample } from './ops.stream';

function setFigure(id: string, text: string, bad = false): void {
  const element = document.getElementById(id) as HTMLElement;
  element.textContent = text;
  element.classList.toggle('bad', bad);
}

/** The current figures (KPI tiles), the alert banners and the source list, from the newest sample. */
export function renderFigures(sample: OpsSample, config: WebConfigView): void {
  const { queue, throughput, latency } = sample;
  setFigure(
    'kpi-ready',
    formatNumber(queue.ready),
    queue.ready !== null && queue.ready > config.backlogAlertThreshold,
  );
  setFigure('kpi-unacked', formatNumber(queue.unacked));
  setFigure('kpi-submitted', formatNumber(throughput.submittedPerSecond));
  setFigure('kpi-completed', formatNumber(throughput.completedPerSecond));
  setFigure('kpi-p95', formatSeconds(latency.p95));
  setFigure('kpi-consumers', formatNumber(queue.consumers), queue.consumers === 0);
  setFigure('kpi-dead', formatNumber(queue.deadLettered), (queue.deadLettered ?? 0) > 0);
  setFigure('kpi-model', sample.modelVersions.join(', ') || UNAVAILABLE);
  const { reliability } = sample;
  setFigure(
    'kpi-oldest',
    formatSeconds(reliability.oldestUnfinishedSeconds),
    (reliability.oldestUnfinishedSeconds ?? 0) > 900,
  );
  setFigure(
    'kpi-outbox-bytes',
    formatNumber(reliability.outboxBacklogBytes),
    (reliability.outboxBacklogBytes ?? 0) > 0,
  );
  renderAlerts(sample);
  renderSources(sample);
}

function renderAlerts(sample: OpsSample): void {
  const alerts = document.getElementById('alerts') as HTMLElement;
  alerts.replaceChildren(
    ...sample.alerts.map((alert) => {
      const banner = document.createElement('div');
      banner.className = `alert ${alert.severity}`;
      banner.setAttribute('role', 'alert');
      banner.dataset['code'] = alert.code;
      banner.textContent = alert.message;
      return banner;
    }),
  );
}

function renderSources(sample: OpsSample): void {
  const item = (up: boolean, name: string, detail: string) => {
    const li = document.createElement('li');
    li.className = up ? 'up' : 'down';
    const extra = document.createElement('span');
    extra.className = 'detail';
    extra.textContent = detail;
    li.append(name, extra);
    return li;
  };
  (document.getElementById('sources') as HTMLElement).replaceChildren(
    item(
      sample.gateway.up,
      'Gateway',
      sample.gateway.up ? 'up' : `down: ${sample.gateway.error ?? ''}`,
    ),
    ...sample.predictors.map((p) =>
      item(
        p.up,
        `Predictor ${p.url}`,
        p.up ? `up, model ${p.modelVersion ?? 'unknown'}` : `down: ${p.error ?? ''}`,
      ),
    ),
  );
}
