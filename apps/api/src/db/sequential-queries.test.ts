import { randomUUID } from "node:crypto";
import type { ChartDocument } from "@rolemap/contract";
import { operationsBetween } from "@rolemap/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallChart, specExample } from "../../test/fixtures/charts";
import { openTestDatabase, type TestDatabase } from "../../test/harness";
import type { ChartStore } from "../services/chart-store";
import { createPrismaChartStore } from "./prisma-chart-store";
import { createOwnerToken } from "./testing/outage-app";

/**
 * A connection runs one query at a time. pg 8 queues a query sent while another is running
 * and warns ("Calling client.query() when the client is already executing a query is
 * deprecated"); pg 9 will refuse it. Inside a transaction every query goes to one
 * connection, so each must wait for the one before (Prisma's `include` of several
 * relations sends them all at once).
 *
 * Node prints a deprecation once per process, so besides the warning this test counts every
 * overlapping query and names its SQL (on the embedded database too: it is reached
 * through pg as well).
 */
const warnings: string[] = [];
const overlapping: string[] = [];
const busy = new WeakMap<object, number>();
const query = pg.Client.prototype.query;

beforeAll(() => {
  process.on("warning", (warning) => {
    if (warning.name === "DeprecationWarning") warnings.push(warning.message);
  });
  const counted = function (this: pg.Client, ...args: unknown[]) {
    const running = busy.get(this) ?? 0;
    if (running > 0) {
      const sql = (args[0] as { text?: string } | undefined)?.text ?? String(args[0]);
      overlapping.push(sql.replace(/\s+/g, " ").slice(0, 80));
    }
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) {
      busy.set(this, running + 1);
      const done = () => busy.set(this, (busy.get(this) ?? 1) - 1);
      result.then(done, done);
    }
    return result;
  };
  pg.Client.prototype.query = counted as typeof query;
});
afterAll(() => {
  pg.Client.prototype.query = query;
});

let db: TestDatabase;
let store: ChartStore;
let ownerId: string;
beforeAll(async () => {
  db = await openTestDatabase();
  store = createPrismaChartStore(db.database);
  ownerId = await createOwnerToken(db.database);
});
afterAll(() => db?.close());

const counts = { roles: 0, responsibilities: 0, errors: 0, warnings: 0, infos: 0 };
const author = { accountId: null, name: "Tester", peer: null };

describe("queries inside a transaction", () => {
  it("are sent one after another by every read and write of a chart", async () => {
    const created = await store.create({ document: specExample(), counts }, ownerId);
    // A store that has not cached the chart reads its tables: in a snapshot, and under the
    // row lock of a write.
    const fresh = () => createPrismaChartStore(db.database);
    expect((await fresh().get(created.id))?.version).toBe(1);
    const next: ChartDocument = smallChart();
    const replaced = await fresh().commit({
      chartId: created.id,
      batchId: randomUUID(),
      kind: "replace",
      author,
      plan: (current) => ({
        document: next,
        operations: operationsBetween(current.document, next),
      }),
    });
    expect(replaced.status).toBe("committed");
    const renamed = await store.commit({
      chartId: created.id,
      batchId: randomUUID(),
      kind: "operations",
      author,
      plan: (current) => ({
        document: { ...current.document, name: "Renamed" },
        operations: [{ op: "updateChart", name: "Renamed" }],
      }),
    });
    expect(renamed.status).toBe("committed");
    const { total } = await store.list({ limit: 10, offset: 0, viewer: { accountId: ownerId } });
    expect(total).toBe(1);

    expect(overlapping).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
