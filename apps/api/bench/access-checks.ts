import { cacheAccessStore } from "../src/auth/access-cache";
import type { Principal } from "../src/auth/principal";
import { hashSecret, TEST_PASSWORD_COST } from "../src/auth/secrets";
import { openDatabase } from "../src/db/database";
import { createPrismaAccessStore } from "../src/db/prisma-access-store";
import { createPrismaChartStore } from "../src/db/prisma-chart-store";
import { SESSION_IDLE_MS } from "../src/http/authenticate";
import type { AccessStore } from "../src/services/access-store";
import { createAuthService } from "../src/services/auth-service";
import { createChartAccess } from "../src/services/chart-access";
import { benchChart, fmtMs, percentile, type Row } from "./lib";

/**
 * What the access checks cost a request, in-process against the real store (embedded
 * database in memory): turning a session cookie's secret or an API token into a principal
 * (what `authenticate` does) plus the gate (`ChartAccess.require`), timed one request after
 * another: as the app runs them (kept in memory, auth/access-cache.ts) and read from the
 * database (a request that misses; on PostgreSQL, every grant). The chart read that follows
 * the gate is timed alike, for comparison.
 */

const ROUNDS = 2_000;
const WARMUP = 200;
export const TARGET_ACCESS_MS = 1;

async function timeEach(work: () => Promise<unknown>) {
  for (let n = 0; n < WARMUP; n++) await work();
  const times: number[] = [];
  for (let n = 0; n < ROUNDS; n++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  const sum = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return { mean: sum / times.length, p99: percentile(times, 0.99) };
}

/** The target is for what requests pay as the app runs; the reads are for comparison. */
const row = (metric: string, t: { mean: number; p99: number }, judged: boolean): Row => ({
  benchmark: "access checks per request",
  metric: `${metric}, mean`,
  value: `${fmtMs(t.mean)} (p99 ${fmtMs(t.p99)})`,
  ...(judged
    ? {
        target: `< ${TARGET_ACCESS_MS} ms`,
        verdict: t.mean < TARGET_ACCESS_MS ? ("PASS" as const) : ("MISS" as const),
      }
    : {}),
});

export async function measureAccessChecks(): Promise<Row[]> {
  const database = await openDatabase({ kind: "embedded", dataDir: undefined }, () => {});
  try {
    const accessStore = createPrismaAccessStore(database);
    const store = createPrismaChartStore(database);
    const auth = createAuthService(accessStore, {
      passwordCost: TEST_PASSWORD_COST,
      sessionIdleMs: SESSION_IDLE_MS,
    });
    const { who, sessionSecret } = await auth.setup({
      email: "owner@example.com",
      name: "Owner",
      password: "owner-password-1",
    });
    const document = benchChart();
    const counts = { roles: 0, responsibilities: 0, errors: 0, warnings: 0, infos: 0 };
    const chart = await store.create({ document, counts }, who.id);
    const tokenSecret = `rm_bench_${"x".repeat(40)}`;
    await accessStore.createToken({
      id: crypto.randomUUID(),
      accountId: who.id,
      name: "bench",
      tokenHash: hashSecret(tokenSecret),
    });

    const measure = async (label: string, store: AccessStore) => {
      const auth = createAuthService(store, {
        passwordCost: TEST_PASSWORD_COST,
        sessionIdleMs: SESSION_IDLE_MS,
      });
      const access = createChartAccess(store);
      const gateAfter = async (principal: Principal | undefined) => {
        if ((await access.require(principal, chart.id, "view")) !== "owner")
          throw new Error("the bench's owner is not the owner");
      };
      const session = await timeEach(async () =>
        gateAfter((await auth.fromSession(sessionSecret))?.principal),
      );
      const token = await timeEach(async () => gateAfter(await auth.fromToken(tokenSecret)));
      return [
        row(`session cookie + gate, ${label}`, session, label === "kept"),
        row(`API token + gate, ${label}`, token, label === "kept"),
      ];
    };
    const rows = [
      // As the app runs: the embedded database's lookups kept in memory (auth/access-cache.ts).
      ...(await measure("kept", cacheAccessStore(accessStore, { soleUser: true }).store)),
      // What a request that misses pays (and, for the grant, every request on PostgreSQL).
      ...(await measure("read", accessStore)),
    ];
    const read = await timeEach(() => store.get(chart.id));
    console.log(
      `access checks (${ROUNDS} in a row, in-process): ${rows.map((r) => `${r.metric} ${r.value}`).join("; ")}; chart read after them ${fmtMs(read.mean)}`,
    );
    return rows;
  } finally {
    await database.close();
  }
}
