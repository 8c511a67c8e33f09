import { describe, expect, it } from "vitest";
import type { ChartStore } from "../services/chart-store";
import { databaseHealth } from "./database-health";

const storeWith = (ping: () => Promise<void>) => ({ kind: "postgres", ping }) as ChartStore;

describe("the health check's database probe", () => {
  it("reports the database reachable with its answer time", async () => {
    const { body, failure } = await databaseHealth(storeWith(async () => {}));
    expect(body).toEqual({
      status: "ok",
      database: "postgres",
      databaseReachable: true,
      databaseLatencyMs: expect.any(Number),
    });
    expect(failure).toBeUndefined();
  });

  it("reports it degraded when it fails", async () => {
    const refused = new Error("connect ECONNREFUSED");
    const { body, failure } = await databaseHealth(
      storeWith(async () => {
        throw refused;
      }),
    );
    expect(body).toMatchObject({ status: "degraded", databaseReachable: false });
    expect(failure).toBe(refused);
  });

  it("gives up on a database that does not answer (a frozen server) at its deadline", async () => {
    const { body, failure } = await databaseHealth(
      storeWith(() => new Promise<void>(() => {})),
      50,
    );
    expect(body).toEqual({
      status: "degraded",
      database: "postgres",
      databaseReachable: false,
      databaseLatencyMs: null,
    });
    expect(String(failure)).toContain("no answer within 50 ms");
  });
});
