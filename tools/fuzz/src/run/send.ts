import type { FuzzRequest } from '../arbitraries/request.arbitrary';

/** What came back for one fuzz request. */
export type FuzzOutcome =
  { kind: 'status'; status: number; body: string } | { kind: 'closed'; error: string };

/** Longest wait for one answer (the fuzz stack caps long polls at MAX_WAIT_MS = 1 s). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Sends a fuzz request; a connection closed by the server (e.g. while uploading past the body limit) is an outcome, not a throw. */
export async function send(baseUrl: string, request: FuzzRequest): Promise<FuzzOutcome> {
  try {
    const response = await fetch(baseUrl + request.path, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.text();
    return { kind: 'status', status: response.status, body: body.slice(0, 500) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'closed', error: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/** A short description of a request for failure messages (no bodies or keys). */
export function describeRequest(request: FuzzRequest): string {
  const size = request.body?.length ?? 0;
  const auth = request.headers['authorization'] ? ' with authorization' : '';
  return `${request.method} ${request.path.slice(0, 200)} (${size} body bytes${auth})`;
}
