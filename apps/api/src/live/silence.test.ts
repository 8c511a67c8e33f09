import type { Socket } from "node:net";
import request from "supertest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { specExample } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { LiveClient, startLiveServer } from "../../test/live-client";

// Short heartbeats so "silent for 30 s" (live.md) can be tried in a moment.
let t: TestApp;
let live: Awaited<ReturnType<typeof startLiveServer>>;
beforeAll(async () => {
  t = await startTestApp({ live: { heartbeatMs: 100, silenceMs: 500 } });
  live = await startLiveServer(t);
});
afterAll(async () => {
  await live?.close();
  await t?.close();
});

it("drops a peer that went silent (no pong to the pings) and tells the others it left", async () => {
  const created = await request(t.app).post("/api/charts").send({ document: specExample() });
  const url = live.url(created.body.id);
  const owner = { token: t.owner.token };
  const { client: awake } = await LiveClient.join(url, owner);
  const { client: silent, welcome } = await LiveClient.join(url, owner);
  await awake.next("presence"); // the second one joined

  // The silent one's network stops: it reads nothing, so it answers no ping.
  (silent.socket as unknown as { _socket: Socket })._socket.pause();
  expect(await awake.next("leave", 5000)).toEqual({ type: "leave", peer: welcome.you.peer });
  // The one that answers pings (ws does so by itself) stays, however quiet it is.
  awake.send({ type: "ping" });
  expect(await awake.next("pong")).toEqual({ type: "pong" });
  await awake.close();
});
