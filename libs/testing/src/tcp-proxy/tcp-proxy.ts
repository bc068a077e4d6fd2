import { AddressInfo, createServer, Server, Socket, connect } from 'node:net';

/**
 * A TCP proxy a test controls, to simulate network faults between a service and
 * RabbitMQ or the database without touching the machine's shared servers.
 *
 * ```ts
 * const proxy = new TcpProxy('127.0.0.1', 5672);
 * const port = await proxy.start();      // point the app at 127.0.0.1:port
 * proxy.cut();                           // drop live connections, refuse new ones
 * proxy.restore();                       // accept again
 * proxy.hold();                          // keep connections open, deliver nothing client → server
 * proxy.release();                       // deliver what was held, relay again
 * await proxy.stop();
 * ```
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private refusing = false;
  private held: Array<() => void> | undefined;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Listens on `port` (0 = any free port) on 127.0.0.1 and resolves the port. */
  async start(port = 0): Promise<number> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return this.port;
  }

  /** The port the proxy listens on. */
  get port(): number {
    if (!this.server) throw new Error('TcpProxy not started');
    return (this.server.address() as AddressInfo).port;
  }

  /** `host:port` of the proxy, for building URLs. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Number of client connections currently relayed. */
  get connections(): number {
    return this.sockets.size / 2;
  }

  /** Destroys every relayed connection (dropping what {@link hold} queued) and refuses new ones until {@link restore}. */
  cut(): void {
    this.refusing = true;
    if (this.held) this.held = [];
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** Accepts and relays connections again. */
  restore(): void {
    this.refusing = false;
  }

  /**
   * Keeps every connection open but stops delivering what clients send (queued, in order), so requests
   * hang as on a stalled server; {@link release} delivers them and relays again.
   */
  hold(): void {
    this.held ??= [];
  }

  /** Delivers what {@link hold} queued and relays normally again. */
  release(): void {
    const queued = this.held ?? [];
    this.held = undefined;
    queued.forEach((deliver) => deliver());
  }

  /** Cuts everything and closes the listening socket. */
  async stop(): Promise<void> {
    this.cut();
    this.held = undefined;
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const upstream = connect({ host: this.targetHost, port: this.targetPort });
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      if (from === client) {
        from.on('data', (chunk: Buffer) =>
          this.held ? this.held.push(() => to.write(chunk)) : to.write(chunk),
        );
        from.on('end', () => to.end());
      } else {
        from.pipe(to);
      }
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }
}
