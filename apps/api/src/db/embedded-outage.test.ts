import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createHttpServer } from "../server";
import { type Database, openDatabase } from "./database";
import { appOn, createChart, createOwnerToken, OUTAGE_TOKEN, rename } from "./testing/outage-app";

/**
 * The embedded database failing is answered like a PostgreSQL server's outage (issue 17):
 * 503 database_unavailable with Retry-After, and health degraded. Here it has been closed
 * under a running app (PGlite's socket gone), as a crash of it would leave it.
 */
let database: Database;
let app: ReturnType<typeof appOn>;
let chart: string;
beforeAll(async () => {
  database = await openDatabase({ kind: "embedded", dataDir: undefined }, (message) => {
    throw new Error(`unexpected migration warning: ${message}`);
  });
  await createOwnerToken(database);
  app = appOn(database);
  chart = await createChart(app, "Embedded");
});
afterAll(() => app?.live.close());

describe("an embedded database that is gone", () => {
  it("answers 503 database_unavailable with Retry-After, and health degraded", async () => {
    expect((await rename(app, chart, "Before")).status).toBe(200);
    await database.close();

    // A write must reach the database (a read may be answered from what the store holds).
    const res = await rename(app, chart, "After");
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.body.error.code).toBe("database_unavailable");
    const health = await request(app).get("/api/health").set("Host", "127.0.0.1");
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "degraded", database: "embedded" });
  });

  it("refuses a new live connection with 503 and Retry-After, not 500", async () => {
    const server = createHttpServer(app, { headersTimeoutMs: 5000, requestTimeoutMs: 5000 });
    server.on("upgrade", app.live.upgrade);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // Another chart id than the one above, so no cache can answer for it.
      const socket = new WebSocket(`ws://127.0.0.1:${port}/api/charts/${randomUUID()}/live`, {
        headers: { Authorization: `Bearer ${OUTAGE_TOKEN}` },
      });
      const answer = await new Promise<{ status: number; retryAfter: unknown }>(
        (resolve, reject) => {
          socket.on("open", () => reject(new Error("the upgrade was accepted")));
          socket.on("unexpected-response", (_req, res) =>
            resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] }),
          );
          socket.on("error", () => undefined);
        },
      );
      expect(answer).toEqual({ status: 503, retryAfter: "5" });
    } finally {
      server.close();
    }
  });
});
