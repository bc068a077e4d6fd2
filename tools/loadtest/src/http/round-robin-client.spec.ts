import type { HttpClient } from './http-client';
import { roundRobinClient } from './round-robin-client';

function fakeClient(name: string, seen: string[]): HttpClient & { closed: boolean } {
  const client = {
    closed: false,
    request: async (method: string, path: string) => {
      seen.push(`${name} ${method} ${path}`);
      return { status: 202, body: name, headers: {} };
    },
    close: () => void (client.closed = true),
  };
  return client;
}

describe('roundRobinClient', () => {
  it('sends each request to the next client in turn and closes them all', async () => {
    const seen: string[] = [];
    const [a, b] = [fakeClient('a', seen), fakeClient('b', seen)];
    const client = roundRobinClient([a, b]);
    for (const path of ['/1', '/2', '/3']) await client.request('POST', path, '{}');
    expect(seen).toEqual(['a POST /1', 'b POST /2', 'a POST /3']);
    client.close();
    expect([a.closed, b.closed]).toEqual([true, true]);
  });

  it('is the client itself when there is one, and refuses none', () => {
    const only = fakeClient('only', []);
    expect(roundRobinClient([only])).toBe(only);
    expect(() => roundRobinClient([])).toThrow('at least one');
  });
});
