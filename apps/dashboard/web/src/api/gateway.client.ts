import type { AcceptedPredictionView, PredictionView } from '@sibyl/contracts';

export type { PredictionView };

/** An error answer of the gateway (`{ statusCode, error, message }`) or a network failure. */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

/**
 * The gateway's prediction API as the dashboard server relays it (`/api/predictions` → `/v1/predictions`, with the
 * dashboard's own key, which never reaches the browser). Same origin: the session cookie goes along.
 */
export class GatewayClient {
  private readonly baseUrl = '/api';

  /** `POST /api/predictions`: queues a text, answers its tracking id. */
  submit(text: string): Promise<AcceptedPredictionView> {
    return this.request<AcceptedPredictionView>('/predictions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
  }

  /**
   * Follows a tracking id with long polls (`GET /api/predictions/:id?wait=`) until the prediction is no longer
   * queued or `timeoutMs` has passed (then the last, still queued, view is returned).
   */
  async follow(
    trackingId: string,
    options: { waitMs?: number; timeoutMs?: number } = {},
  ): Promise<PredictionView> {
    const { waitMs = 5000, timeoutMs = 60000 } = options;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const view = await this.request<PredictionView>(
        `/predictions/${encodeURIComponent(trackingId)}?wait=${waitMs}`,
      );
      if (view.status !== 'queued' || Date.now() >= deadline) return view;
    }
  }

  private async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        ...init,
        headers: { accept: 'application/json', ...init.headers },
      });
    } catch {
      throw new GatewayError('The dashboard server cannot be reached');
    }
    const body = (await response.json().catch(() => null)) as {
      message?: string | string[];
    } | null;
    if (response.status === 401) {
      window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
      throw new GatewayError('Your session has ended; log in again.', 401);
    }
    if (!response.ok) {
      const message = Array.isArray(body?.message) ? body.message.join('; ') : body?.message;
      throw new GatewayError(
        message ?? `The gateway answered HTTP ${response.status}`,
        response.status,
      );
    }
    return body as T;
  }
}
