import type { HttpClient } from './http-client';

/**
 * One client over several gateways (a stack spawned with `--gateways N`): each request goes to
 * the next gateway in turn, as a Kubernetes Service spreads connections over its pods. Every
 * gateway serves every id (one database), so verification reads may go to any of them.
 */
export function roundRobinClient(clients: readonly HttpClient[]): HttpClient {
  if (clients.length === 0) throw new Error('roundRobinClient needs at least one client');
  if (clients.length === 1) return clients[0];
  let next = 0;
  return {
    request: (method, path, jsonBody) => {
      const client = clients[next];
      next = (next + 1) % clients.length;
      return client.request(method, path, jsonBody);
    },
    close: () => clients.forEach((client) => client.close()),
  };
}
