import type { ModelsOverview } from '../../../src/models/models-overview.view';
import { renderModels } from './models.view';

/** How often the panel reloads (the gateway refreshes its accuracy gauges every 30 s by default). */
const REFRESH_MS = 5000;

/** Models panel: registry, served versions, live accuracy from feedback, confused pairs, changelog, shadow. */
async function refresh(connection: HTMLElement): Promise<void> {
  try {
    const response = await fetch('/api/models', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const overview = (await response.json()) as ModelsOverview;
    renderModels(overview);
    connection.textContent = `Updated ${new Date(overview.at).toLocaleTimeString('en-GB')}`;
    connection.className = 'connection live';
    document.body.dataset['loaded'] = overview.at;
  } catch (error) {
    connection.textContent = `Cannot load: ${(error as Error).message}`;
    connection.className = 'connection down';
  }
}

const connection = document.getElementById('connection') as HTMLElement;
void refresh(connection);
setInterval(() => void refresh(connection), REFRESH_MS);
