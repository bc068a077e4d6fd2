import { AddressInfo, createServer, connect, Server, Socket } from 'node:net';
import { TcpProxy } from './tcp-proxy';

function echoServer(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.pipe(socket));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: '127.0.0.1', port }, () => socket.write(text));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('closed')));
  });
}

describe('TcpProxy', () => {
  let target: Server;
  let proxy: TcpProxy;

  beforeEach(async () => {
    target = await echoServer();
    proxy = new TcpProxy('127.0.0.1', (target.address() as AddressInfo).port);
    await proxy.start();
  });

  afterEach(async () => {
    await proxy.stop();
    await new Promise((resolve) => target.close(resolve));
  });

  it('relays bytes both ways', async () => {
    await expect(exchange(proxy.port, 'ping')).resolves.toBe('ping');
  });

  it('refuses connections while cut and relays again after restore', async () => {
    proxy.cut();
    await expect(exchange(proxy.port, 'ping')).rejects.toThrow();
    proxy.restore();
    await expect(exchange(proxy.port, 'pong')).resolves.toBe('pong');
  });

  it('holds what clients send while held and delivers it, in order, on release', async () => {
    const socket = connect({ host: '127.0.0.1', port: proxy.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    const received: string[] = [];
    socket.on('data', (data) => received.push(data.toString()));
    proxy.hold();
    socket.write('a');
    socket.write('b');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([]);
    proxy.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.join('')).toBe('ab');
    socket.destroy();
  });

  it('drops live connections on cut', async () => {
    const socket = connect({ host: '127.0.0.1', port: proxy.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    proxy.cut();
    await expect(closed).resolves.toBeDefined();
  });
});
