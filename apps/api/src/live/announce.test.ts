import type { AddressInfo } from "node:net";
import type { RoundMessage } from "@rolemap/contract";
import pino from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specExample } from "../../test/fixtures/charts";
import { serverUrl, startTestApp, type TestApp, withPostgresDatabase } from "../../test/harness";
import { LiveClient, startLiveServer } from "../../test/live-client";
import { call, HOST, sessionCookie } from "../../test/principals";
import { createApp, type RolemapApp } from "../app";
import { TEST_PASSWORD_COST } from "../auth/secrets";
import { type Database, openDatabase } from "../db/database";
import { createPrismaAccessStore } from "../db/prisma-access-store";
import { createPrismaChartStore } from "../db/prisma-chart-store";
import { createHttpServer } from "../server";
import type { ChangeBus } from "./bus";
import { createPostgresBus } from "./pg-bus";

/** `hub.announce`: one message to every connection of one chart, here and in other processes. */

const round = (participants: number): RoundMessage => ({
  type: "round",
  id: crypto.randomUUID(),
  status: "open",
  participants,
  removed: false,
});

describe("hub.announce in one process", () => {
  let t: TestApp;
  let live: Awaited<ReturnType<typeof startLiveServer>>;
  beforeAll(async () => {
    t = await startTestApp();
    live = await startLiveServer(t);
  });
  afterAll(async () => {
    await live?.close();
    await t?.close();
  });

  const newChart = async () =>
    (await request(t.app).post("/api/charts").send({ document: specExample() }).expect(201)).body
      .id as string;

  it("reaches every connection of the chart, and no connection of another chart", async () => {
    const [chartId, otherId] = [await newChart(), await newChart()];
    const who = { token: t.owner.token };
    const first = await LiveClient.join(live.url(chartId), who);
    const second = await LiveClient.join(live.url(chartId), who);
    const other = await LiveClient.join(live.url(otherId), who);

    const message = round(3);
    t.anonymous.live.hub.announce(chartId, message);
    t.anonymous.live.hub.announce(otherId, round(7));
    expect(await first.client.next("round")).toEqual(message);
    expect(await second.client.next("round")).toEqual(message);
    // The other chart's connection gets only its own chart's message.
    expect((await other.client.next("round")).participants).toBe(7);
    expect(first.client.received.filter((m) => m.type === "round")).toHaveLength(1);
    for (const { client } of [first, second, other]) client.close();
  });
});

/** An app with its own bus and database connections, listening: a second process in all but name. */
async function startProcessLike(url: string) {
  const logger = pino({ level: "silent" });
  const database: Database = await openDatabase({ kind: "postgres", url }, () => {});
  const bus: ChangeBus = await createPostgresBus(url, logger);
  const app: RolemapApp = createApp({
    store: createPrismaChartStore(database),
    accessStore: createPrismaAccessStore(database),
    logger,
    bodyLimit: "1mb",
    bus,
    security: {
      passwordCost: TEST_PASSWORD_COST,
      allowedHosts: [HOST],
      rateLimits: { api: { limit: 0, windowMs: 60_000 }, signIn: { limit: 0, windowMs: 60_000 } },
    },
  });
  const server = createHttpServer(app, { headersTimeoutMs: 10_000, requestTimeoutMs: 60_000 });
  server.on("upgrade", app.live.upgrade);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    app,
    url: (chartId: string) => `ws://127.0.0.1:${port}/api/charts/${chartId}/live`,
    async close() {
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await app.live.close();
      await drained;
      await database.close();
    },
  };
}

describe.skipIf(serverUrl === undefined)("hub.announce across processes", () => {
  let release: () => void = () => {};
  let dropped: Promise<void> = Promise.resolve();
  const started: Awaited<ReturnType<typeof startProcessLike>>[] = [];

  beforeAll(async () => {
    const url = await new Promise<string>((resolve, reject) => {
      const held = new Promise<void>((done) => {
        release = done;
      });
      dropped = withPostgresDatabase(async (given) => {
        resolve(given);
        await held;
      });
      dropped.catch(reject);
    });
    for (let n = 0; n < 2; n++) started.push(await startProcessLike(url));
  }, 60_000);
  afterAll(async () => {
    for (const one of started) await one.close();
    release();
    await dropped;
  });

  it("reaches the chart's connections held by the other process, once each", async () => {
    const [a, b] = started as [(typeof started)[0], (typeof started)[0]];
    const setup = await call(a.app, { kind: "none" }, "post", "/api/auth/setup")
      .send({ email: "owner@example.com", name: "Olive", password: "owner-password-1" })
      .expect(201);
    const owner = { kind: "cookie" as const, cookie: sessionCookie(setup) };
    const chart = await call(a.app, owner, "post", "/api/charts")
      .send({ document: specExample() })
      .expect(201);
    const token = await call(a.app, owner, "post", "/api/tokens").send({ name: "t" }).expect(201);
    const who = { token: token.body.token as string };
    const onA = await LiveClient.join(a.url(chart.body.id), who);
    const onB = await LiveClient.join(b.url(chart.body.id), who);

    const first = round(1);
    a.app.live.hub.announce(chart.body.id, first);
    expect(await onB.client.next("round")).toEqual(first);
    expect(await onA.client.next("round")).toEqual(first);
    // Announced through B, heard on A; neither hears its own announcement twice.
    const second = round(2);
    b.app.live.hub.announce(chart.body.id, second);
    expect(await onA.client.next("round")).toEqual(second);
    expect(await onB.client.next("round")).toEqual(second);
    expect(onA.client.received.filter((m) => m.type === "round")).toEqual([first, second]);
    expect(onB.client.received.filter((m) => m.type === "round")).toEqual([first, second]);
    onA.client.close();
    onB.client.close();
  });
});
