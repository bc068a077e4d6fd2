/** One submit → long-poll round trip as a client sees it. */
export interface LongPollSample {
  /** From sending the submit to receiving the finished result, in ms. */
  ms: number;
  /** `done`/`failed`, or what went wrong (`queued` = the wait ended without a result). */
  outcome: string;
}

/** Where a bench client sends its requests. */
export interface LongPollTarget {
  url: string;
  key: string;
}

/**
 * Submits one text (`POST /v1/predictions`) and long-polls its id (`GET /v1/predictions/:id?wait=`)
 * until it is finished, as the README tells a client to; measures submit → answer.
 */
export async function submitAndWait(
  target: LongPollTarget,
  text: string,
  waitMs: number,
): Promise<LongPollSample> {
  const headers = { authorization: `Bearer ${target.key}` };
  const started = performance.now();
  const submitted = await fetch(`${target.url}/v1/predictions`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (submitted.status !== 202) {
    await submitted.body?.cancel();
    return { ms: performance.now() - started, outcome: `submit ${submitted.status}` };
  }
  const { trackingId } = (await submitted.json()) as { trackingId: string };
  const answered = await fetch(`${target.url}/v1/predictions/${trackingId}?wait=${waitMs}`, {
    headers,
  });
  if (answered.status !== 200) {
    await answered.body?.cancel();
    return { ms: performance.now() - started, outcome: `poll ${answered.status}` };
  }
  const { status } = (await answered.json()) as { status: string };
  return { ms: performance.now() - started, outcome: status };
}

/**
 * `clients` concurrent clients, each submitting and long-polling `perClient` texts one after the
 * other; resolves with every sample.
 */
export async function runClients(
  target: LongPollTarget,
  texts: readonly string[],
  options: { clients: number; perClient: number; waitMs: number },
): Promise<LongPollSample[]> {
  const samples: LongPollSample[] = [];
  let next = 0;
  const client = async (): Promise<void> => {
    for (let i = 0; i < options.perClient; i++) {
      const text = texts[next++ % texts.length];
      samples.push(
        await submitAndWait(target, text, options.waitMs).catch((error: Error): LongPollSample => ({
          ms: Number.NaN,
          outcome: error.message,
        })),
      );
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return samples;
}
