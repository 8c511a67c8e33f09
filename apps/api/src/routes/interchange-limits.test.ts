import { get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { ChartRecord, ErrorBody } from "@rolemap/contract";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../test/harness";
import { call, inviteAccount } from "../../test/principals";
import type { InterchangeLimits } from "../interchange-pool/limits";
import { createInterchangePool, type InterchangePool } from "../interchange-pool/pool";

/**
 * The export and import pool's bounds, through the routes, with a stand-in worker whose
 * tasks never end ("spin") or eat memory ("hog"): deterministic, no real exporters.
 */
const STUBBORN = fileURLToPath(
  new URL("../interchange-pool/testing/stubborn-worker.mjs", import.meta.url),
);

interface Fixture {
  t: TestApp;
  pool: InterchangePool;
  server: Server;
  charts: Record<string, string>;
}

async function startFixture(limits: Partial<InterchangeLimits>) {
  const pool = createInterchangePool({ workerFile: STUBBORN, limits });
  const t = await startTestApp({ interchangePool: pool });
  const charts: Record<string, string> = {};
  for (const name of ["spin", "hog", "quick"]) {
    const res = await request(t.app).post("/api/charts").send({ template: "classic-split", name });
    charts[name] = (res.body as ChartRecord).id;
  }
  const server = t.app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { t, pool, server, charts } satisfies Fixture;
}

async function stopFixture(fixture: Fixture | undefined) {
  if (fixture === undefined) return;
  fixture.server.closeAllConnections();
  await new Promise((resolve) => fixture.server.close(resolve));
  await fixture.t.close();
}

/** An export over a real socket (as the owner), which the test can hang up on. */
function startExport(fixture: Fixture, chart: string) {
  const { port } = fixture.server.address() as AddressInfo;
  const req = get(`http://127.0.0.1:${port}/api/charts/${chart}/export?format=pdf`);
  req.on("error", () => {});
  return { hangUp: () => req.destroy() };
}

/** The error body's message, once its code is the one expected. */
function errorOf(res: { body: unknown }, code: string): string {
  const { error } = res.body as ErrorBody;
  expect(error.code).toBe(code);
  return error.message;
}

/** Resolves once the stand-in worker has started `count` tasks (each then holds a thread). */
function started(count: number) {
  const channel = new BroadcastChannel("stubborn-worker:started");
  let heard = 0;
  return new Promise<void>((resolve) => {
    channel.onmessage = () => {
      if (++heard < count) return;
      channel.close();
      resolve();
    };
  });
}

const settled = (pool: InterchangePool, pending: number) =>
  vi.waitFor(() => expect(pool.stats().pending).toBe(pending), { timeout: 60_000 });

describe("export and import limits", () => {
  let busy: Fixture | undefined;
  let strict: Fixture | undefined;
  beforeAll(async () => {
    busy = await startFixture({
      threads: 1,
      queue: 1,
      perPrincipal: 2,
      timeoutMs: 600_000,
      idleMs: 600_000,
    });
    strict = await startFixture({ threads: 1, queue: 1, timeoutMs: 1_500, memoryMb: 64 });
  });
  afterAll(async () => {
    await stopFixture(busy);
    await stopFixture(strict);
  });

  it("stops the worker's task when the client hangs up before the file is ready", async () => {
    const f = busy as Fixture;
    const running = started(1);
    const download = startExport(f, f.charts.spin as string);
    await running;
    expect(f.pool.stats().pending).toBe(1);
    expect(await f.pool.threads()).toBe(1);
    download.hangUp();
    await settled(f.pool, 0);
    // The task never ends by itself (and an idle thread would stay 10 minutes): its thread
    // is gone because it was stopped.
    await vi.waitFor(async () => expect(await f.pool.threads()).toBe(0));
    const next = await request(f.t.app).get(`/api/charts/${f.charts.quick}/export?format=pdf`);
    expect(next.status).toBe(200);
  });

  it("answers 429 with Retry-After to a principal with too many at once, 503 when the pool is full", async () => {
    const f = busy as Fixture;
    const first = startExport(f, f.charts.spin as string);
    const second = startExport(f, f.charts.spin as string);
    await settled(f.pool, 2);

    const mine = await request(f.t.app).get(`/api/charts/${f.charts.quick}/export?format=pdf`);
    expect(mine.status).toBe(429);
    expect(mine.headers["retry-after"]).toBe("5");
    expect(errorOf(mine, "rate_limited")).toMatch(/already have 2 exports or imports/);
    const refusedImport = await request(f.t.app)
      .post("/api/charts/import?format=org-csv")
      .set("Content-Type", "text/csv")
      .send("Name,Title,Manager\nDana,CEO,");
    expect(refusedImport.status).toBe(429);

    // Someone else is not limited by my tasks, but by the pool: 1 thread + 1 waiting.
    const other = await inviteAccount(f.t, "Other Person");
    const shared = await call(f.t.anonymous, other.session, "post", "/api/charts")
      .send({ template: "classic-split", name: "quick" })
      .expect(201);
    const theirs = await call(
      f.t.anonymous,
      other.session,
      "get",
      `/api/charts/${shared.body.id}/export?format=pdf`,
    );
    expect(theirs.status).toBe(503);
    expect(theirs.headers["retry-after"]).toBe("5");
    expect(errorOf(theirs, "server_busy")).toMatch(/busy/);

    first.hangUp();
    second.hangUp();
    await settled(f.pool, 0);
  });

  it("stops an export past its time limit and says which limit", async () => {
    const f = strict as Fixture;
    const res = await request(f.t.app).get(`/api/charts/${f.charts.spin}/export?format=pptx`);
    expect(res.status).toBe(422);
    expect(errorOf(res, "limit_exceeded")).toBe(
      "the export of this chart as PPTX took longer than the limit of 1.5 s (INTERCHANGE_TIMEOUT_MS) and was stopped",
    );
    await settled(f.pool, 0);
  });

  it("stops an import past its time limit", async () => {
    const f = strict as Fixture;
    const res = await request(f.t.app)
      .post("/api/charts/import?format=org-csv")
      .set("Content-Type", "text/csv")
      .send("Name,Title\nspin,CEO");
    expect(res.status).toBe(422);
    expect(errorOf(res, "limit_exceeded")).toMatch(/import .* 1\.5 s/);
  });

  it("stops an export past its memory limit, and the server goes on", async () => {
    const f = strict as Fixture;
    const res = await request(f.t.app).get(`/api/charts/${f.charts.hog}/export?format=pdf`);
    expect(res.status).toBe(422);
    expect(errorOf(res, "limit_exceeded")).toMatch(
      /more memory than the limit of 64 MB \(INTERCHANGE_MEMORY_MB\)/,
    );
    const next = await request(f.t.app).get(`/api/charts/${f.charts.quick}/export?format=pdf`);
    expect(next.status).toBe(200);
    expect(next.body.toString()).toBe("exported quick");
  });
});
