import { MAX_LOOKUP_IDS } from '@sibyl/contracts';
import { HttpClient } from '@sibyl/loadtest';

/** When the backlog of the fault was gone, from the ids accepted before it ended. */
export interface Recovery {
  /** Seconds from the end of the fault until the last of those ids was done; null if some never were. */
  seconds: number | null;
  /** Ids accepted before the fault ended that are not done. */
  notDone: number;
}

/**
 * Time to recover: the fault ended at `faultEndedAt` (epoch ms); the backlog it left is every
 * request accepted until then; it is drained when the last of them is done (its `completedAt`,
 * read through `POST /v1/predictions/lookup`).
 */
export async function measureRecovery(
  client: HttpClient,
  ids: readonly string[],
  faultEndedAt: number,
): Promise<Recovery> {
  let latest = faultEndedAt;
  let notDone = 0;
  for (let i = 0; i < ids.length; i += MAX_LOOKUP_IDS) {
    const chunk = ids.slice(i, i + MAX_LOOKUP_IDS);
    const res = await client.request(
      'POST',
      '/v1/predictions/lookup',
      JSON.stringify({ trackingIds: chunk }),
    );
    if (res.status !== 200)
      throw new Error(`lookup answered ${res.status}: ${res.body.slice(0, 200)}`);
    const body = JSON.parse(res.body) as {
      items: { status: string; completedAt?: string | null }[];
    };
    notDone += chunk.length - body.items.filter((item) => item.status === 'done').length;
    for (const item of body.items) {
      if (item.status === 'done' && item.completedAt)
        latest = Math.max(latest, Date.parse(item.completedAt));
    }
  }
  return { seconds: notDone > 0 ? null : (latest - faultEndedAt) / 1000, notDone };
}
