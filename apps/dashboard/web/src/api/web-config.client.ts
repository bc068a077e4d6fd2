import type { WebConfigView } from '../../../src/web-config/web-config.view';

export type { WebConfigView };

/** Loads `GET /api/config` from the dashboard server that served the page. */
export async function loadWebConfig(): Promise<WebConfigView> {
  const response = await fetch('/api/config', { headers: { accept: 'application/json' } });
  if (!response.ok)
    throw new Error(`dashboard configuration unavailable (HTTP ${response.status})`);
  return (await response.json()) as WebConfigView;
}
