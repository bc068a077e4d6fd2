/** Pause between two polls of the predictors' health. */
const POLL_MS = 50;

/** The model a predictor's `/health/ready` reports (null when it does not answer). */
async function servedModel(url: string): Promise<{ version?: string; loadedAt?: string } | null> {
  try {
    const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as {
      details?: { model?: { version?: string; loadedAt?: string } };
    };
    return body.details?.model ?? null;
  } catch {
    return null;
  }
}

/** When one predictor was seen serving a version, in seconds after the promotion. */
export interface SwitchTimes {
  /** The predictor's own swap instant (`loadedAt`; the observation when it has none). */
  swappedSeconds: number;
  /** When this poll first saw it (adds the poll interval and the health answer's latency). */
  observedSeconds: number;
}

/**
 * Polls every predictor until it reports `version`; returns, per predictor, when it swapped (its health's
 * `loadedAt`) and when the poll saw it, in seconds after `since` (null if not within `timeoutMs`).
 */
export async function waitAllServing(
  urls: readonly string[],
  version: string,
  since: number,
  timeoutMs: number,
): Promise<(SwitchTimes | null)[]> {
  const times: (SwitchTimes | null)[] = urls.map(() => null);
  while (times.includes(null) && Date.now() - since < timeoutMs) {
    await Promise.all(
      urls.map(async (url, i) => {
        if (times[i] !== null) return;
        const model = await servedModel(url);
        if (model?.version !== version) return;
        const observedSeconds = (Date.now() - since) / 1000;
        const loadedAt = model.loadedAt ? Date.parse(model.loadedAt) : Number.NaN;
        const swappedSeconds = Number.isNaN(loadedAt) ? observedSeconds : (loadedAt - since) / 1000;
        times[i] = { swappedSeconds, observedSeconds };
      }),
    );
    if (times.includes(null)) await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return times;
}
