/** Longest wait for one gateway request, so a stuck gateway fails the test instead of hanging it. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Texts in several languages (own sentences, not from the training corpus) for load generation. */
export const LOAD_TEXTS = [
  'Vi ses på stationen i morgon bitti, glöm inte att ta med paraplyet.',
  'Der Zug nach München hat heute leider wieder zwanzig Minuten Verspätung.',
  'Nous avons mangé une excellente soupe de poisson au bord du port hier soir.',
  'El mercado del pueblo abre los sábados y vende frutas muy frescas.',
  'Huomenna sataa luultavasti lunta, joten ota lämpimät kengät mukaan.',
  'الطقس جميل اليوم ونريد أن نذهب إلى الحديقة مع الأطفال بعد الظهر.',
  'The library downstairs stays open late on Thursdays during the exam period.',
];

/**
 * Submits `count` single predictions (`POST /v1/predictions`) with `concurrency` requests in flight, returning the
 * tracking ids; any non-202 answer fails.
 */
export async function submitPredictions(
  gatewayUrl: string,
  count: number,
  options: {
    concurrency?: number;
    onProgress?: (done: number) => void;
    /** e.g. the `Authorization` of a key with the predict scope. */
    headers?: Record<string, string>;
  } = {},
): Promise<string[]> {
  const { concurrency = 16, onProgress = () => undefined, headers = {} } = options;
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const response = await fetch(`${gatewayUrl}/v1/predictions`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ text: `${LOAD_TEXTS[i % LOAD_TEXTS.length]} (${i})` }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (response.status !== 202)
        throw new Error(
          `POST /v1/predictions answered ${response.status}: ${await response.text()}`,
        );
      ids.push(((await response.json()) as { trackingId: string }).trackingId);
      if (ids.length % 100 === 0) onProgress(ids.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}

/** Queues `count` predictions with one `POST /v1/predictions/batch`. */
export async function submitBatch(
  gatewayUrl: string,
  count: number,
  timeoutMs = REQUEST_TIMEOUT_MS,
  headers: Record<string, string> = {},
): Promise<void> {
  const texts = Array.from(
    { length: count },
    (_, i) => `${LOAD_TEXTS[i % LOAD_TEXTS.length]} [${i}]`,
  );
  const response = await fetch(`${gatewayUrl}/v1/predictions/batch`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ texts }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status !== 202)
    throw new Error(
      `POST /v1/predictions/batch answered ${response.status}: ${await response.text()}`,
    );
}
