import { loadWebConfig } from '../api/web-config.client';
import { OpsCharts } from './ops-charts';
import { renderFigures } from './ops-figures.view';
import { OpsStream, StreamState } from './ops.stream';

const STATE_TEXT: Record<StreamState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

/** Operations view: live samples over server-sent events, figures, alerts and charts. */
async function main(): Promise<void> {
  const connection = document.getElementById('connection') as HTMLElement;
  const config = await loadWebConfig();
  const charts = new OpsCharts(config);
  let state: StreamState = 'connecting';
  const stream = new OpsStream(
    '/api/events',
    config.historySize,
    (samples) => {
      const newest = samples.at(-1);
      if (!newest) return;
      renderFigures(newest, config);
      charts.update(samples);
      connection.textContent = `${STATE_TEXT[state]} · ${new Date(newest.at).toLocaleTimeString('en-GB')}`;
      document.body.dataset['samples'] = String(samples.length);
    },
    (next) => {
      state = next;
      connection.textContent = STATE_TEXT[next];
      connection.className = `connection ${next === 'live' ? 'live' : 'down'}`;
    },
  );
  stream.start();
}

main().catch((error: Error) => {
  const alerts = document.getElementById('alerts') as HTMLElement;
  alerts.innerHTML = '';
  const banner = document.createElement('div');
  banner.className = 'alert critical';
  banner.textContent = `The operations view cannot start: ${error.message}`;
  alerts.append(banner);
});
