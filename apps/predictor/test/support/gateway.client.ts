import type { AcceptedPredictionView, PredictionView } from '@sibyl/contracts';

/** Minimal client of the gateway's REST API for the pipeline tests, with an API key. */
export class GatewayClient {
  private readonly auth: Record<string, string>;

  constructor(
    private readonly baseUrl: string,
    key: string,
  ) {
    this.auth = { authorization: `Bearer ${key}` };
  }

  /** `POST /v1/predictions`; returns the status, body and Location header. */
  async submit(
    text: string,
  ): Promise<{ status: number; body: AcceptedPredictionView; location: string | null }> {
    const response = await fetch(`${this.baseUrl}/v1/predictions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.auth },
      body: JSON.stringify({ text }),
    });
    return {
      status: response.status,
      body: (await response.json()) as AcceptedPredictionView,
      location: response.headers.get('location'),
    };
  }

  /** `POST /v1/predictions/batch`; throws unless 202. Returns the tracking ids in order. */
  async submitBatch(texts: readonly string[]): Promise<string[]> {
    const response = await fetch(`${this.baseUrl}/v1/predictions/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.auth },
      body: JSON.stringify({ texts }),
    });
    if (response.status !== 202) {
      throw new Error(`batch submit answered ${response.status}: ${await response.text()}`);
    }
    const { items } = (await response.json()) as { items: AcceptedPredictionView[] };
    return items.map((item) => item.trackingId);
  }

  /** Submits any number of texts in batches of `batchSize`. */
  async submitMany(texts: readonly string[], batchSize = 500): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      ids.push(...(await this.submitBatch(texts.slice(start, start + batchSize))));
    }
    return ids;
  }

  /** `GET /v1/predictions/:id?wait=ms`. */
  async get(id: string, waitMs = 0): Promise<{ status: number; body: PredictionView }> {
    const response = await fetch(
      `${this.baseUrl}/v1/predictions/${id}${waitMs > 0 ? `?wait=${waitMs}` : ''}`,
      { headers: this.auth },
    );
    return { status: response.status, body: (await response.json()) as PredictionView };
  }
}
