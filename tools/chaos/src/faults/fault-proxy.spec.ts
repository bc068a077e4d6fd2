import { connect, createServer, Server, Socket } from 'node:net';
import { FaultProxy } from './fault-proxy';

/** An echo server on a free port. */
async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.address() as { port: number }).port };
}

function client(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything a socket received so far, collected from the start. */
function received(socket: Socket): () => string {
  let got = '';
  socket.on('data', (chunk: Buffer) => void (got += chunk.toString()));
  return () => got;
}

/** Sends `text` and resolves everything received so far `ms` later. */
async function sendAndRead(socket: Socket, read: () => string, text: string, ms = 300) {
  socket.write(text);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return read();
}

describe('FaultProxy (loopback echo server)', () => {
  let echo: { server: Server; port: number };
  let proxy: FaultProxy;

  beforeEach(async () => {
    echo = await echoServer();
    proxy = new FaultProxy('127.0.0.1', echo.port);
    await proxy.start();
  });
  afterEach(async () => {
    await proxy.stop();
    await new Promise((resolve) => echo.server.close(resolve));
  });

  it('forwards, then drops silently in blackhole mode without closing, then resumes', async () => {
    const socket = await client(proxy.port);
    const fromSocket = received(socket);
    expect(await sendAndRead(socket, fromSocket, 'a')).toBe('a');
    proxy.set('blackhole');
    expect(await sendAndRead(socket, fromSocket, 'b')).toBe('a');
    expect(socket.destroyed).toBe(false);
    // a new connection is accepted but never answered
    const late = await client(proxy.port);
    const fromLate = received(late);
    expect(await sendAndRead(late, fromLate, 'c')).toBe('');
    proxy.set('forward');
    expect(await sendAndRead(socket, fromSocket, 'd', 500)).toBe('abd');
    expect(await sendAndRead(late, fromLate, 'e', 500)).toBe('ce');
    socket.destroy();
    late.destroy();
  });

  it('resets live connections and refuses new ones in refuse mode', async () => {
    const socket = await client(proxy.port);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    proxy.set('refuse');
    await closed;
    const late = await client(proxy.port).catch(() => null);
    if (late) await new Promise((resolve) => late.once('close', resolve));
    proxy.set('forward');
    const again = await client(proxy.port);
    expect(await sendAndRead(again, received(again), 'x')).toBe('x');
    again.destroy();
  });
});
