import type { AddressInfo } from "node:net";
import type { ServerMessage } from "@rolemap/contract";
import { WebSocket } from "ws";
import { createHttpServer } from "../src/server";
import type { TestApp } from "./harness";
import { HOST, ORIGIN } from "./principals";

/** The test app listening on a loopback port, with its WebSocket upgrades. */
export async function startLiveServer(t: TestApp) {
  const server = createHttpServer(t.anonymous, {
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 60_000,
  });
  server.on("upgrade", t.anonymous.live.upgrade);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (chartId: string) => `ws://127.0.0.1:${port}/api/charts/${chartId}/live`,
    /** Closes the live connections (as a restart does), then the server. */
    close: async () => {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await t.anonymous.live.close();
      await drained;
    },
  };
}

export type LiveCredentials = { token: string } | { cookie: string; origin?: string };

/** Opens a raw WebSocket with credentials as a script (Bearer) or a browser (cookie) sends them. */
export function openSocket(url: string, who: LiveCredentials): WebSocket {
  const headers: Record<string, string> = { Host: HOST };
  if ("token" in who) headers.Authorization = `Bearer ${who.token}`;
  else {
    headers.Cookie = who.cookie;
    if (who.origin !== "") headers.Origin = who.origin ?? ORIGIN;
  }
  return new WebSocket(url, { headers });
}

/** What an upgrade was answered when it was refused: the HTTP status and error body. */
export function refusal(socket: WebSocket): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    socket.on("open", () => reject(new Error("the upgrade was accepted")));
    socket.on("unexpected-response", (_req, res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    socket.on("error", () => undefined);
  });
}

/**
 * A protocol client for tests: every server message is kept in order; `next` waits for
 * the first one (of a type) not yet taken.
 */
export class LiveClient {
  readonly received: ServerMessage[] = [];
  private taken = 0;
  private waiters: (() => void)[] = [];
  closed: Promise<{ code: number; reason: string }>;

  constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.received.push(JSON.parse(data.toString()) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static async open(url: string, who: LiveCredentials): Promise<LiveClient> {
    const socket = openSocket(url, who);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new LiveClient(socket);
  }

  /** Opens, says hello and returns the client with its welcome. */
  static async join(url: string, who: LiveCredentials, since: number | null = null) {
    const client = await LiveClient.open(url, who);
    client.send({ type: "hello", since, client: crypto.randomUUID() });
    const welcome = await client.next("welcome");
    return { client, welcome };
  }

  send(message: unknown) {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** The next message not yet taken (of `type`, skipping others of no interest), within `ms`. */
  async next<T extends ServerMessage["type"]>(
    type?: T,
    ms = 5000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + ms;
    for (;;) {
      while (this.taken < this.received.length) {
        const message = this.received[this.taken++] as ServerMessage;
        if (type === undefined || message.type === type)
          return message as Extract<ServerMessage, { type: T }>;
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no ${type ?? "message"} within ${ms} ms; received ${JSON.stringify(this.received.map((m) => m.type))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Asserts that no message arrives within `ms` (for "nothing else was sent"). */
  async quiet(ms = 200): Promise<ServerMessage[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.received.slice(this.taken);
  }

  close() {
    this.socket.close();
    return this.closed;
  }
}
