import { createServer } from "node:net";
import pg from "pg";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverUrl, withPostgresDatabase } from "../../test/harness";
import type { Database } from "./database";
import { connectPostgres, openPostgres } from "./postgres";
import { type PostgresLimits, postgresLimits } from "./postgres-limits";
import {
  appOn,
  asOwner,
  createChart,
  createOwnerToken,
  rename,
  within,
} from "./testing/outage-app";
import { type OutageRelay, startOutageRelay } from "./testing/outage-relay";

/**
 * Issue 17, "PostgreSQL outage": a stopped server answered 500, a frozen one held requests
 * as long as it was frozen, and one chart row locked in psql for 35 s exhausted the pool.
 * Each outage is played here against a throwaway database (a relay plays the stopped and the
 * frozen server, so the shared server keeps running), with short limits so the tests are
 * quick: every request that cannot be served answers 503 database_unavailable with
 * Retry-After, and the next one after the outage is served, without a restart.
 * Needs a PostgreSQL server: skipped unless ROLEMAP_TEST_DATABASE_URL is set.
 */

const SHORT: PostgresLimits = {
  ...postgresLimits({
    poolSize: 4,
    connectTimeoutMs: 500,
    statementTimeoutMs: 1_000,
    lockTimeoutMs: 300,
    transactionTimeoutMs: 5_000,
  }),
  queryDeadlineMs: 1_500,
};
/** Far above every deadline tested: a request still waiting then is a hang. */
const HANG_MS = 10_000;

const warn = (message: string) => {
  throw new Error(`unexpected migration warning: ${message}`);
};

const expectUnavailable = (res: { status: number; headers: object; body: unknown }) => {
  expect(res.status).toBe(503);
  expect(res.headers).toMatchObject({ "retry-after": "5" });
  expect(res.body).toEqual({
    error: {
      code: "database_unavailable",
      message: "the database is not answering; try again in a few seconds",
      issues: [],
    },
  });
};

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address !== null ? address.port : 1;
}

/** The API's connections to this database (named by postgres-pool.ts). */
const API_BACKENDS = `FROM pg_stat_activity
  WHERE datname = current_database() AND application_name LIKE 'rolemap-api %'`;

describe.skipIf(serverUrl === undefined)("a PostgreSQL server that cannot serve", () => {
  let url: string;
  let release: () => void = () => {};
  let dropped: Promise<void> = Promise.resolve();
  const opened: Database[] = [];
  /** A session of someone else's: psql, say. */
  let other: pg.Client;
  /** An operator's session, watching and terminating the API's. */
  let watcher: pg.Client;

  const open = async (at: string, limits = SHORT) => {
    const database = await openPostgres(at, warn, limits);
    opened.push(database);
    return database;
  };

  beforeAll(async () => {
    await new Promise<void>((ready) => {
      dropped = withPostgresDatabase(async (created) => {
        url = created;
        ready();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      });
    });
    await createOwnerToken(await open(url));
    other = new pg.Client({ connectionString: url });
    await other.connect();
    watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
  });
  afterAll(async () => {
    await other?.end();
    await watcher?.end();
    for (const database of opened) await database.close();
    release();
    await dropped;
  });

  it("answers 503 with Retry-After when nothing listens at its address, and health says so", async () => {
    const nowhere = new URL(url);
    nowhere.port = String(await deadPort());
    const database = connectPostgres(nowhere.toString(), SHORT);
    opened.push(database);
    const app = appOn(database);

    expectUnavailable(await asOwner(app, "get", "/api/charts"));
    expectUnavailable(
      await asOwner(app, "post", "/api/charts").send({ template: "operations-led" }),
    );
    const health = await request(app).get("/api/health").set("Host", "127.0.0.1");
    expect(health.status).toBe(503);
    expect(health.headers["retry-after"]).toBe("5");
    expect(health.body).toEqual({
      status: "degraded",
      database: "postgres",
      databaseReachable: false,
      databaseLatencyMs: null,
    });
  });

  it("answers a write to a chart whose row someone holds locked 503 at the lock timeout, and serves other charts meanwhile", async () => {
    // Only the lock timeout can end the wait (the statement timeout would too, later).
    const app = appOn(
      await open(url, { ...SHORT, statementTimeoutMs: 30_000, queryDeadlineMs: 35_000 }),
    );
    const locked = await createChart(app, "Locked");
    const free = await createChart(app, "Free");

    await other.query("BEGIN");
    try {
      await other.query("SELECT id FROM charts WHERE id = $1 FOR UPDATE", [locked]);
      // More writers than the pool has connections: they queue per chart, not in the pool.
      const writes = Array.from({ length: 6 }, (_, i) =>
        within(HANG_MS, rename(app, locked, `w${i}`)),
      );
      const reads = Array.from({ length: 6 }, () =>
        within(HANG_MS, asOwner(app, "get", `/api/charts/${free}`)),
      );
      for (const read of await Promise.all(reads)) expect(read).toMatchObject({ status: 200 });
      for (const write of await Promise.all(writes)) {
        expect(write).not.toBe("still waiting");
        if (write !== "still waiting") expectUnavailable(write);
      }
      expect((await rename(app, free, "Still free")).status).toBe(200);
    } finally {
      await other.query("ROLLBACK");
    }
    // The lock is gone: the chart takes writes again.
    expect((await rename(app, locked, "Unlocked")).status).toBe(200);
  });

  it("heals when its connections are terminated in the middle of transactions", async () => {
    // Writers that wait long enough on their locks to be terminated while they wait.
    const limits = { ...SHORT, poolSize: 2, lockTimeoutMs: HANG_MS };
    const app = appOn(await open(url, limits));
    const charts = [await createChart(app, "One"), await createChart(app, "Two")];

    await other.query("BEGIN");
    let writes: Promise<{ status: number }>[] = [];
    try {
      await other.query("SELECT id FROM charts WHERE id = ANY($1::uuid[]) FOR UPDATE", [charts]);
      // Both of the pool's connections are now inside a transaction, waiting for a lock.
      writes = charts.map((id) => rename(app, id, "Waiting").then((res) => res));
      for (;;) {
        // Asked outside `other`'s transaction, which would see one snapshot of the statistics.
        const { rows } = await watcher.query(
          `SELECT count(*)::int AS n ${API_BACKENDS} AND wait_event_type = 'Lock'`,
        );
        if (rows[0].n >= charts.length) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await watcher.query(`SELECT pg_terminate_backend(pid) ${API_BACKENDS}`);
      for (const write of await Promise.all(writes)) expectUnavailable(write as never);
    } finally {
      await other.query("ROLLBACK");
    }
    // More requests than the pool has connections: none waits for one the pool lost.
    for (const id of [...charts, ...charts]) {
      expect(
        (await within(HANG_MS, asOwner(app, "get", `/api/charts/${id}`))) as object,
      ).toMatchObject({
        status: 200,
      });
      expect((await within(HANG_MS, rename(app, id, "Healed"))) as object).toMatchObject({
        status: 200,
      });
    }
  });

  describe("behind a relay", () => {
    let relay: OutageRelay;
    let app: ReturnType<typeof appOn>;
    let chart: string;
    beforeAll(async () => {
      relay = await startOutageRelay(url);
      app = appOn(await open(relay.url));
      chart = await createChart(app, "Relayed");
    });
    afterAll(() => relay?.close());

    it("answers 503 within the query deadline while the server is frozen, and serves the first request after", async () => {
      relay.freeze();
      try {
        const read = await within(HANG_MS, asOwner(app, "get", `/api/charts/${chart}`));
        expect(read).not.toBe("still waiting");
        if (read !== "still waiting") expectUnavailable(read);
        const write = await within(HANG_MS, rename(app, chart, "Frozen"));
        expect(write).not.toBe("still waiting");
        if (write !== "still waiting") expectUnavailable(write);
        const health = await within(HANG_MS, asOwner(app, "get", "/api/health"));
        expect(health).toMatchObject({ status: 503, body: { status: "degraded" } });
      } finally {
        relay.thaw();
      }
      expect((await asOwner(app, "get", `/api/charts/${chart}`)).status).toBe(200);
      expect((await rename(app, chart, "Thawed")).status).toBe(200);
      expect((await asOwner(app, "get", "/api/health")).body).toMatchObject({ status: "ok" });
    });

    it("answers 503 while the server is stopped, and serves the first request once it is back", async () => {
      await relay.stop();
      try {
        expectUnavailable(await asOwner(app, "get", `/api/charts/${chart}`));
        expectUnavailable(await rename(app, chart, "Stopped"));
        expect((await asOwner(app, "get", "/api/health")).status).toBe(503);
      } finally {
        await relay.start();
      }
      expect((await asOwner(app, "get", `/api/charts/${chart}`)).status).toBe(200);
      expect((await rename(app, chart, "Back")).status).toBe(200);
      expect((await asOwner(app, "get", "/api/health")).status).toBe(200);
    });
  });
});
