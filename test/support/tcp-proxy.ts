import net from 'node:net';

export interface TcpProxy {
  /** The target's URL with this proxy's host and port. */
  url: string;
  /** Closes every connection and the listener, as when the service goes away. */
  cut(): Promise<void>;
  /** Holds every byte in both directions, on open and new connections, as a hung service would. */
  pause(): void;
  /** Delivers what was held and forwards again. */
  resume(): void;
  /** Closes every open connection, dropping what was held, and goes on accepting new ones: a network blip. */
  dropConnections(): void;
}

/** A TCP proxy in front of a service (Redis, PostgreSQL) that a test can cut or hang. */
export async function tcpProxy(target: URL, defaultPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let paused = false;
  const held: Array<() => void> = [];
  const forward = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => {
      if (paused) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
    from.on('end', () => (paused ? held.push(() => to.end()) : to.end()));
  };
  const proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || defaultPort), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String((proxy.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    cut: async () => {
      const closed = new Promise<void>((resolve) => proxy.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      for (const deliver of held.splice(0)) deliver();
    },
    dropConnections: () => {
      held.splice(0);
      paused = false;
      for (const socket of sockets) socket.destroy();
    },
  };
}
