import { connect, createServer, type Socket } from "node:net";

/**
 * A TCP relay in front of a PostgreSQL server that plays its outages without touching the
 * server others share:
 * - `freeze()`: as a server stopped with SIGSTOP, connections stay open and nothing is
 *   answered, new ones included; `thaw()` delivers what waited and lets everything through.
 * - `stop()`: as a stopped server, every connection is cut and new ones are refused
 *   (ECONNREFUSED); `start()` listens on the same port again.
 */
export interface OutageRelay {
  /** `target` with the relay's host and port. */
  url: string;
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startOutageRelay(target: string): Promise<OutageRelay> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let frozen = false;
  /** Writes held while frozen, in arrival order. */
  let held: (() => void)[] = [];

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  };
  const forward = (from: Socket, to: Socket) =>
    from.on("data", (chunk: Buffer) => {
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });

  const server = createServer((client) => {
    track(client);
    const server = connect(Number(upstream.port || 5432), upstream.hostname);
    track(server);
    forward(client, server);
    forward(server, client);
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        const address = server.address();
        port = typeof address === "object" && address !== null ? address.port : port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  await listen();

  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      const writes = held;
      held = [];
      for (const write of writes) write();
    },
    stop,
    start: listen,
    async close() {
      frozen = false;
      held = [];
      if (server.listening) await stop();
    },
  };
}
