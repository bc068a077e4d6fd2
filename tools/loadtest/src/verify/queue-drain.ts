import { HttpClient } from '../http/http-client';

/** Outcome of {@link waitForQueueDrain}. */
export interface DrainOutcome {
  drained: boolean;
  seconds: number;
  /** Last depth seen (ready + unacked when known). */
  lastDepth: number | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the gateway's `GET /v1/queue` reports an empty requests queue (no
 * ready and, when known, no unacked messages) twice in a row, or the deadline. Reading
 * results only after the queue drained keeps the verification from loading the
 * database with long polls while the predictors still work.
 */
export async function waitForQueueDrain(
  client: HttpClient,
  deadline: number,
  onProgress: (depth: number | null) => void = () => undefined,
  intervalMs = 500,
): Promise<DrainOutcome> {
  const started = Date.now();
  let emptyInARow = 0;
  let lastDepth: number | null = null;
  while (Date.now() < deadline) {
    try {
      const res = await client.request('GET', '/v1/queue');
      if (res.status === 200) {
        const stats = JSON.parse(res.body) as { ready?: number; unacked?: number | null };
        lastDepth =
          typeof stats.ready === 'number'
            ? stats.ready + (typeof stats.unacked === 'number' ? stats.unacked : 0)
            : null;
        onProgress(lastDepth);
        emptyInARow = lastDepth === 0 ? emptyInARow + 1 : 0;
        if (emptyInARow >= 2)
          return { drained: true, seconds: (Date.now() - started) / 1000, lastDepth };
      }
    } catch {
      /* gateway busy: try again */
    }
    await sleep(intervalMs);
  }
  return { drained: false, seconds: (Date.now() - started) / 1000, lastDepth };
}
