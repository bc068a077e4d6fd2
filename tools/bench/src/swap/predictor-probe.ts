/** Pause between two polls of the predictors' health. */
const POLL_MS = 50;

/** The model version a predictor's `/health/ready` reports (null when it does not answer). */
async function servedVersion(url: string): Promise<string | null> {
  try {
    const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { details?: { model?: { version?: string } } };
    return body.details?.model?.version ?? null;
  } catch {
    return null;
  }
}

/**
 * Polls every predictor until it reports `version`; returns, per predictor, the seconds from `since` until it
 * first did (null if it did not within `timeoutMs`).
 */
export async function waitAllServing(
  urls: readonly string[],
  version: string,
  since: number,
  timeoutMs: number,
): Promise<(number | null)[]> {
  const seconds: (number | null)[] = urls.map(() => null);
  while (seconds.includes(null) && Date.now() - since < timeoutMs) {
    await Promise.all(
      urls.map(async (url, i) => {
        if (seconds[i] === null && (await servedVersion(url)) === version)
          seconds[i] = (Date.now() - since) / 1000;
      }),
    );
    if (seconds.includes(null)) await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return seconds;
}
