import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type Timeouts } from "./server";

/** A tiny app: /slow answers after `ms`, without sending a byte before. */
function slowApp(ms: number) {
  const app = express();
  app.get("/slow", (_req, res) => {
    setTimeout(() => res.json({ ok: true }), ms);
  });
  return app;
}

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function listen(timeouts: Timeouts, app = slowApp(0)) {
  const server = createHttpServer(app, timeouts);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Resolves with what the server sent when it closes the socket (rejects after `limitMs`). */
function untilClosed(socket: Socket, limitMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString();
    });
    socket.on("close", () => resolve(received));
    socket.on("error", () => {});
    setTimeout(
      () => reject(new Error(`the connection was still open after ${limitMs} ms`)),
      limitMs,
    );
  });
}

describe("the HTTP server's connections", () => {
  it("closes a connection that sends nothing at all after the headers' deadline", async () => {
    const port = await listen({ headersTimeoutMs: 1000, requestTimeoutMs: 5000 });
    const socket = connect(port, "127.0.0.1");
    expect(await untilClosed(socket, 8000)).toMatch(/^HTTP\/1\.1 408/);
  });

  it("still answers a request that takes longer than that deadline to handle", async () => {
    const port = await listen({ headersTimeoutMs: 1000, requestTimeoutMs: 5000 }, slowApp(1800));
    const socket = connect(port, "127.0.0.1", () =>
      socket.write("GET /slow HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
    );
    const answer = await untilClosed(socket);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('{"ok":true}');
  });

  it("cuts off a body dripped a byte at a time at the request's deadline", async () => {
    const app = express();
    app.post("/in", express.text(), (_req, res) => {
      res.end();
    });
    const port = await listen({ headersTimeoutMs: 1000, requestTimeoutMs: 2000 }, app);
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(
        "POST /in HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n",
      ),
    );
    // Each byte comes well within any idle timeout: only the whole request's deadline stops it.
    const drip = setInterval(() => socket.writable && socket.write("a"), 200);
    const started = Date.now();
    try {
      expect(await untilClosed(socket)).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      clearInterval(drip);
    }
  });

  it("holds at most maxConnections at once and refuses the ones beyond", async () => {
    const port = await listen({
      headersTimeoutMs: 5000,
      requestTimeoutMs: 5000,
      maxConnections: 2,
    });
    const held = [connect(port, "127.0.0.1"), connect(port, "127.0.0.1")];
    await Promise.all(held.map((s) => new Promise((resolve) => s.once("connect", resolve))));
    const beyond = connect(port, "127.0.0.1");
    expect(await untilClosed(beyond, 3000)).toBe("");
    expect(held.every((s) => !s.destroyed)).toBe(true);
    for (const s of held) s.destroy();
  });
});
