import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChartRecord, Operation } from "@rolemap/contract";
import { afterAll, describe, expect, it } from "vitest";
import { serverUrl, withPostgresDatabase } from "../test/harness";
import { type ServerProcess, setUpOwnerToken, startServerProcess } from "../test/server-process";

/**
 * Kills the real server with SIGKILL in the middle of a stream of writes, restarts it on
 * the same data and checks that every acknowledged write survived and that no batch was
 * half-applied. Runs on the embedded database, or on PostgreSQL when CI sets
 * ROLEMAP_TEST_DATABASE_URL.
 */

const BATCHES = 400;
const KILL_AFTER_ACKS = 25;

/** One batch = a role, its reporting line and an assignment: all or nothing. */
const batch = (i: number): Operation[] => [
  { op: "addRole", role: { id: `r${i}`, title: `Role ${i}`, holder: `Person ${i}` } },
  { op: "addLine", line: { manager: "ceo", report: `r${i}`, kind: "solid" } },
  { op: "addAssignment", assignment: { role: `r${i}`, responsibility: "ops", code: "R" } },
];

let token = "";
const post = (base: string, route: string, body: unknown) =>
  fetch(`${base}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

async function runCrashScenario(env: Record<string, string>) {
  let server: ServerProcess = await startServerProcess(env);
  token = await setUpOwnerToken(server.baseUrl);
  const created = (await (
    await post(server.baseUrl, "/api/charts", {
      document: {
        format: "rolemap.chart/v1",
        name: "Crash test",
        roles: [{ id: "ceo", title: "CEO", holder: "Dana" }],
        reportingLines: [],
        responsibilities: [{ id: "ops", name: "Operations" }],
        assignments: [{ role: "ceo", responsibility: "ops", code: "A" }],
      },
    })
  ).json()) as ChartRecord;

  // Four writers in parallel, so the kill lands while requests are in flight.
  const acknowledged = new Set<number>();
  let next = 0;
  const writer = async () => {
    while (next < BATCHES) {
      const i = next++;
      const res = await post(server.baseUrl, `/api/charts/${created.id}/operations`, {
        operations: batch(i),
      }).catch(() => undefined);
      if (res === undefined) return; // the server is gone
      if (res.status === 200) acknowledged.add(i);
      if (acknowledged.size === KILL_AFTER_ACKS) server.child.kill("SIGKILL");
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  expect(await server.exited).toBe("SIGKILL");
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

  server = await startServerProcess(env);
  try {
    const chart = (await (
      await fetch(`${server.baseUrl}/api/charts/${created.id}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as ChartRecord;
    const { roles, reportingLines, assignments } = chart.document;
    const applied = roles.filter((r) => r.id !== "ceo").map((r) => Number(r.id.slice(1)));

    // The kill really interrupted the stream.
    expect(applied.length).toBeLessThan(BATCHES);
    for (const i of acknowledged) expect(applied).toContain(i);
    // Every batch that is there is there whole, and the version counts exactly them.
    for (const i of applied) {
      expect(reportingLines).toContainEqual({ manager: "ceo", report: `r${i}`, kind: "solid" });
      expect(assignments).toContainEqual({ role: `r${i}`, responsibility: "ops", code: "R" });
    }
    expect(reportingLines).toHaveLength(applied.length);
    expect(assignments).toHaveLength(applied.length + 1);
    expect(chart.version).toBe(1 + applied.length);
  } finally {
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }
}

describe("a server killed mid-write", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("keeps every acknowledged write and no half-applied batch", { timeout: 600_000 }, async () => {
    if (serverUrl !== undefined) {
      await withPostgresDatabase((url) => runCrashScenario({ DATABASE_URL: url }));
      return;
    }
    const dataDir = await mkdtemp(path.join(tmpdir(), "rolemap-crash-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await runCrashScenario({ DATA_DIR: dataDir });
  });
});
