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

/** The public REST API of the gateway, called from the browser (the gateway enables CORS). */
export class GatewayClient {
  constructor(private readonly baseUrl: string) {}

  /** `POST /v1/predictions`: queues a text, answers its tracking id. */
  submit(text: string): Promise<AcceptedPredictionView> {
    return this.request<AcceptedPredictionView>('/v1/predictions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
  }

  /**
   * Follows a tracking id with long polls (`GET /v1/predictions/:id?wait=`) until the prediction is no longer
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
        `/v1/predictions/${encodeURIComponent(trackingId)}?wait=${waitMs}`,
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
      throw new GatewayError(`The gateway at ${this.baseUrl} cannot be reached`);
    }
    const body = (await response.json().catch(() => null)) as {
      message?: string | string[];
    } | null;
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
