import { connect } from 'node:net';

/** Host and port of a service URL, with the scheme's default port. */
export interface Endpoint {
  host: string;
  port: number;
}

/** Parses `amqp://`, `mongodb://` or `http://` URLs into host and port. */
export function endpointOf(url: string, defaultPort: number): Endpoint {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

/** Resolves true when a TCP connection to the endpoint succeeds within `timeoutMs`. */
export function isListening({ host, port }: Endpoint, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
