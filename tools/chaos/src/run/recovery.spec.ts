import { HttpClient, HttpResponse } from '@sibyl/loadtest';
import { measureRecovery } from './recovery';

/** Answers lookups from a fixed table of id → status/completedAt. */
function fakeClient(table: Record<string, { status: string; completedAt?: string }>): HttpClient {
  return {
    async request(_method, _path, body): Promise<HttpResponse> {
      const { trackingIds } = JSON.parse(body ?? '{}') as { trackingIds: string[] };
      const items = trackingIds.map((id) => ({ trackingId: id, ...table[id] }));
      return { status: 200, body: JSON.stringify({ items, unknown: [] }), headers: {} };
    },
    close: () => undefined,
  };
}

describe('measureRecovery', () => {
  const end = Date.parse('2026-12-07T00:00:10Z');

  it('is the time from the end of the fault to the last backlog id done', async () => {
    const client = fakeClient({
      a: { status: 'done', completedAt: '2026-12-07T00:00:05Z' },
      b: { status: 'done', completedAt: '2026-12-07T00:00:22.500Z' },
    });
    expect(await measureRecovery(client, ['a', 'b'], end)).toEqual({ seconds: 12.5, notDone: 0 });
  });

  it('is 0 when everything was done before the fault ended', async () => {
    const client = fakeClient({ a: { status: 'done', completedAt: '2026-12-07T00:00:01Z' } });
    expect(await measureRecovery(client, ['a'], end)).toEqual({ seconds: 0, notDone: 0 });
  });

  it('is null while a backlog id is not done', async () => {
    const client = fakeClient({
      a: { status: 'done', completedAt: '2026-12-07T00:00:11Z' },
      b: { status: 'queued' },
      c: { status: 'failed', completedAt: '2026-12-07T00:00:12Z' },
    });
    expect(await measureRecovery(client, ['a', 'b', 'c'], end)).toEqual({
      seconds: null,
      notDone: 2,
    });
  });
});
