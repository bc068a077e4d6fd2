import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

/** What a {@link FaultProxy} does with traffic. */
export type ProxyMode = 'forward' | 'blackhole' | 'refuse';

/** One relayed client connection. */
interface Link {
  client: Socket;
  upstream?: Socket;
}

/**
 * A TCP proxy with network faults a chaos scenario switches on and off:
 * - `forward`: relays both ways;
 * - `blackhole`: packets dropped, not refused — established connections stay open but nothing
 *   moves either way, new connections are accepted and never answered (what a dead link or a
 *   firewall DROP looks like to the apps: only their heartbeats and timeouts can tell);
 * - `refuse`: live connections reset, new ones closed at once (a partition the apps see).
 * Back to `forward`, stalled connections resume where they stopped.
 */
export class FaultProxy {
  private server?: Server;
  private readonly links = new Set<Link>();
  private current: ProxyMode = 'forward';

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Listens on a free port of 127.0.0.1 and resolves it. */
  async start(): Promise<number> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return this.port;
  }

  /** The listening port. */
  get port(): number {
    if (!this.server) throw new Error('FaultProxy not started');
    return (this.server.address() as AddressInfo).port;
  }

  /** Current mode. */
  get mode(): ProxyMode {
    return this.current;
  }

  /** Switches the mode (see the class comment). */
  set(mode: ProxyMode): void {
    const previous = this.current;
    this.current = mode;
    if (mode === 'refuse') {
      for (const link of this.links) this.destroy(link);
    } else if (mode === 'blackhole') {
      for (const link of this.links) this.stall(link);
    } else if (previous === 'blackhole') {
      for (const link of this.links) this.relay(link);
    }
  }

  /** Closes every connection and the listening socket. */
  async stop(): Promise<void> {
    for (const link of this.links) this.destroy(link);
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.current === 'refuse') {
      client.destroy();
      return;
    }
    const link: Link = { client };
    this.links.add(link);
    client.on('error', () => this.destroy(link));
    client.on('close', () => this.destroy(link));
    if (this.current === 'blackhole') client.pause();
    else this.relay(link);
  }

  /** Connects upstream if needed and pipes both ways. */
  private relay(link: Link): void {
    if (!link.upstream) {
      const upstream = connect({ host: this.targetHost, port: this.targetPort });
      link.upstream = upstream;
      upstream.on('error', () => this.destroy(link));
      upstream.on('close', () => this.destroy(link));
    }
    link.client.pipe(link.upstream);
    link.upstream.pipe(link.client);
    link.client.resume();
    link.upstream.resume();
  }

  /** Stops moving bytes without closing anything. */
  private stall(link: Link): void {
    link.client.unpipe();
    link.upstream?.unpipe();
    link.client.pause();
    link.upstream?.pause();
  }

  private destroy(link: Link): void {
    if (!this.links.delete(link)) return;
    link.client.destroy();
    link.upstream?.destroy();
  }
}
