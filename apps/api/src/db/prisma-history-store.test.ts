import { randomUUID } from "node:crypto";
import type { ChartDocument, Operation } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonical } from "../../../../packages/domain/src/testing/canonical";
import { specExample } from "../../test/fixtures/charts";
import { startTestApp, type TestApp } from "../../test/harness";
import { countsOf } from "../services/chart-counts";
import type { CommitInput, WriteMeta } from "../services/chart-store";
import { createHistoryCompactor } from "../services/history-compactor";
import type { HistoryStore } from "../services/history-store";
import { planOperations, planReplacement } from "../services/write-plans";
import { SNAPSHOT_EVERY } from "./history-writes";
import { createPrismaHistoryStore } from "./prisma-history-store";

let t: TestApp;
let history: HistoryStore;
beforeAll(async () => {
  t = await startTestApp();
  history = createPrismaHistoryStore(t.database);
});
afterAll(() => t?.close());

const DAY_MS = 24 * 60 * 60 * 1000;
const author = () => ({ accountId: t.owner.account.id, name: "Olive Owner", peer: null });

/** A chart written through the store, keeping the document of every version. */
async function chart(document: ChartDocument = specExample()) {
  const made = await t.store.create(
    { document, counts: countsOf(document, validateChart(document)) },
    t.owner.account.id,
  );
  const seen = new Map<number, ChartDocument>([[1, made.document]]);
  const commit = async (
    plan: CommitInput["plan"],
    kind: CommitInput["kind"] = "operations",
    meta?: WriteMeta,
  ) => {
    const outcome = await t.store.commit({
      chartId: made.id,
      batchId: randomUUID(),
      kind,
      author: author(),
      plan,
      ...(meta === undefined ? {} : { meta }),
    });
    if (outcome.status !== "committed") throw new Error(outcome.status);
    seen.set(outcome.chart.version, outcome.chart.document);
    return outcome.chart.version;
  };
  return {
    id: made.id,
    seen,
    apply: (operations: Operation[]) => commit(planOperations("owner", operations, "http")),
    /** A small edit that every version can take: the CEO's notes. */
    touch: (n: number) =>
      commit(
        planOperations(
          "owner",
          [{ op: "updateRole", id: "ceo", changes: { notes: `${n}` } }],
          "http",
        ),
      ),
    restore: async (version: number) => {
      const document = await history.documentAt(made.id, version);
      if (document === undefined) throw new Error(`version ${version} cannot be rebuilt`);
      return commit(
        planReplacement("owner", () => document),
        "restore",
        { restoredFrom: version },
      );
    },
  };
}

const snapshotVersions = async (chartId: string) =>
  (
    await t.database.prisma.chartSnapshot.findMany({
      where: { chartId },
      select: { version: true },
      orderBy: { version: "asc" },
    })
  ).map((s) => s.version);

const listed = async (chartId: string) =>
  (await history.listVersions(chartId, { limit: 200 }))?.versions.map((v) => v.version);

/** Every version of `seen` that `history` lists rebuilds to the document it had. */
async function expectRebuilds(chartId: string, seen: Map<number, ChartDocument>) {
  for (const version of (await listed(chartId)) ?? []) {
    const rebuilt = await history.rebuild(chartId, version);
    if (rebuilt.status !== "found") throw new Error(`version ${version}: ${rebuilt.status}`);
    expect(canonical(rebuilt.document), `version ${version}`).toBe(canonical(seen.get(version)));
  }
}

/** Moves the log rows up to `version` `days` into the past. */
const age = (chartId: string, version: number, days: number) =>
  t.database.prisma.$executeRaw`
    UPDATE chart_versions SET created_at = created_at - make_interval(days => ${days})
     WHERE chart_id = ${chartId}::uuid AND version <= ${version}`;

describe("snapshots", () => {
  it(`keeps one at the create and one every ${SNAPSHOT_EVERY} versions, never one per version`, async () => {
    const c = await chart();
    expect(await snapshotVersions(c.id)).toEqual([1]);
    const last = SNAPSHOT_EVERY + 30;
    for (let n = 2; n <= last; n += 1) await c.touch(n);
    expect(await snapshotVersions(c.id)).toEqual([1, 1 + SNAPSHOT_EVERY]);
    for (const version of [
      1,
      2,
      SNAPSHOT_EVERY,
      SNAPSHOT_EVERY + 1,
      SNAPSHOT_EVERY + 2,
      last - 1,
      last,
    ]) {
      const rebuilt = await history.rebuild(c.id, version);
      expect(rebuilt.status === "found" && canonical(rebuilt.document)).toBe(
        canonical(c.seen.get(version)),
      );
    }
  }, 60_000);

  it("answers why a version cannot be given: no chart, not reached yet", async () => {
    const c = await chart();
    expect(await history.rebuild(randomUUID(), 1)).toEqual({ status: "no_chart" });
    expect(await history.rebuild(c.id, 2)).toEqual({ status: "future", current: 1 });
    expect(await history.listVersions(randomUUID(), { limit: 10 })).toBeUndefined();
  });
});

describe("a chart made before history was kept", () => {
  /** Its rows as the earlier schema left them: no snapshot, no summaries, v2 without operations. */
  async function legacyChart() {
    const c = await chart();
    await c.apply([{ op: "removeRole", id: "cto" }]);
    await c.apply([
      { op: "updateRole", id: "ceo", changes: { title: "Chief Executive" } },
      { op: "addAssignment", assignment: { role: "ceo", responsibility: "infra", code: "C" } },
    ]);
    const { prisma } = t.database;
    await prisma.chartSnapshot.deleteMany({ where: { chartId: c.id } });
    await prisma.chartVersion.updateMany({ where: { chartId: c.id }, data: { summary: null } });
    await prisma.chartVersion.updateMany({
      where: { chartId: c.id, version: { in: [1, 2] } },
      data: { authorId: null, authorName: null },
    });
    await prisma.$executeRaw`
      UPDATE chart_versions SET detail = NULL, batch_id = NULL
       WHERE chart_id = ${c.id}::uuid AND version = 2`;
    return c;
  }

  it("lists its old versions with words from their operations, or their kind", async () => {
    const c = await legacyChart();
    const page = await history.listVersions(c.id, { limit: 10 });
    expect(page?.versions.map((v) => [v.version, v.by.name, v.summary])).toEqual([
      // Named from the chart as it is now (the chart before it cannot be rebuilt).
      [3, "Olive Owner", "changed Chief Executive; 1 matrix cell"],
      [2, "someone", "changed the chart (no details were kept)"],
      // The create's author is the chart's owner.
      [1, "Olive Owner", "created the chart"],
    ]);
  });

  it("shows its current version, says the older ones were not recorded, and records from the next commit on", async () => {
    const c = await legacyChart();
    expect(await history.rebuild(c.id, 2)).toEqual({ status: "unrecorded", firstRecorded: 3 });
    expect(canonical((await history.documentAt(c.id, 3)) ?? null)).toBe(canonical(c.seen.get(3)));
    await c.touch(4);
    // The document before that commit was kept: history is complete from version 3 on.
    expect(await snapshotVersions(c.id)).toEqual([3]);
    await c.touch(5);
    expect(await snapshotVersions(c.id)).toEqual([3]);
    for (const version of [3, 4, 5]) {
      const rebuilt = await history.rebuild(c.id, version);
      expect(rebuilt.status === "found" && canonical(rebuilt.document)).toBe(
        canonical(c.seen.get(version)),
      );
    }
    expect(await history.rebuild(c.id, 1)).toEqual({ status: "unrecorded", firstRecorded: 3 });
  });
});

describe("compaction", () => {
  /**
   * 30 versions: v5 restored at v12 (a restore point), v7 the base of a scenario, the rows up
   * to v20 written 60 days ago.
   */
  async function agedChart() {
    const c = await chart();
    for (let n = 2; n <= 11; n += 1) await c.touch(n);
    expect(await c.restore(5)).toBe(12);
    for (let n = 13; n <= 30; n += 1) await c.touch(n);
    const scenario = await chart();
    await t.database.prisma.chart.update({
      where: { id: scenario.id },
      data: { scenarioOfId: c.id, baseVersion: 7 },
    });
    await age(c.id, 20, 60);
    return c;
  }
  const cutoff = () => new Date(Date.now() - 30 * DAY_MS);

  it("deletes old rows but the named ones and the newest, each kept with a snapshot", async () => {
    const c = await agedChart();
    expect(await history.chartsToCompact(cutoff())).toContain(c.id);
    const done = await history.compact(c.id, cutoff());
    // Kept up to v20: the create, v5 (restored to), v7 (a scenario's base), v12 (a restore), v20.
    expect(done.removedVersions).toBe(20 - 5);
    expect(await listed(c.id)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => 30 - i),
      20,
      12,
      7,
      5,
      1,
    ]);
    expect((await snapshotVersions(c.id)).filter((v) => v <= 20)).toEqual([1, 5, 7, 12, 20]);
    expect(done.addedSnapshots).toBe(4);
    await expectRebuilds(c.id, c.seen);
    // Paged three at a time, across the gaps, the list is the same.
    const paged: number[] = [];
    let before: number | undefined;
    do {
      const page = await history.listVersions(c.id, {
        limit: 3,
        ...(before === undefined ? {} : { before }),
      });
      paged.push(...(page?.versions.map((v) => v.version) ?? []));
      before = page?.next ?? undefined;
    } while (before !== undefined);
    expect(paged).toEqual(await listed(c.id));
    expect(await history.rebuild(c.id, 3)).toEqual({ status: "compacted" });
    expect(await history.rebuild(c.id, 19)).toEqual({ status: "compacted" });
  });

  it("leaves a live client behind the gap to take the whole chart (readLog answers undefined)", async () => {
    const c = await agedChart();
    await history.compact(c.id, cutoff());
    expect(await t.store.readLog(c.id, 2, 30)).toBeUndefined();
    expect(await t.store.readLog(c.id, 15, 30)).toBeUndefined();
    // From the newest compacted version on, the log is whole.
    const after = await t.store.readLog(c.id, 19, 30);
    expect(after?.map((entry) => entry.version)).toEqual(
      Array.from({ length: 11 }, (_, i) => 20 + i),
    );
  });

  it("is idempotent, and history goes on after it", async () => {
    const c = await agedChart();
    await history.compact(c.id, cutoff());
    const before = await listed(c.id);
    expect(await history.compact(c.id, cutoff())).toEqual({
      removedVersions: 0,
      addedSnapshots: 0,
      removedSnapshots: 0,
    });
    expect(await listed(c.id)).toEqual(before);
    await c.touch(31);
    await c.restore(20);
    await expectRebuilds(c.id, c.seen);
  });

  it("writes nothing for a chart whose rows are all recent", async () => {
    const c = await chart();
    for (let n = 2; n <= 6; n += 1) await c.touch(n);
    expect(await history.chartsToCompact(cutoff())).not.toContain(c.id);
    expect((await history.compact(c.id, cutoff())).removedVersions).toBe(0);
    expect(await listed(c.id)).toEqual([6, 5, 4, 3, 2, 1]);
  });
});

describe("the compactor", () => {
  const logger = pino({ level: "silent" });

  it("compacts what is older than HISTORY_COMPACT_AFTER_DAYS by its clock", async () => {
    const c = await chart();
    for (let n = 2; n <= 8; n += 1) await c.touch(n);
    // Today nothing of it is 30 days old; 31 days from now all of it is.
    const today = createHistoryCompactor(history, logger, { afterDays: 30 });
    await today.run();
    expect(await listed(c.id)).toHaveLength(8);
    const later = createHistoryCompactor(history, logger, {
      afterDays: 30,
      now: () => Date.now() + 31 * DAY_MS,
    });
    const pass = await later.run();
    expect(pass.charts).toBeGreaterThanOrEqual(1);
    expect(await listed(c.id)).toEqual([8, 1]);
    await expectRebuilds(c.id, c.seen);
  });

  it("never compacts with afterDays 0", async () => {
    const c = await chart();
    for (let n = 2; n <= 4; n += 1) await c.touch(n);
    const never = createHistoryCompactor(history, logger, {
      afterDays: 0,
      now: () => Date.now() + 10_000 * DAY_MS,
    });
    never.start();
    expect(await never.run()).toMatchObject({ charts: 0, removedVersions: 0 });
    await never.stop();
    expect(await listed(c.id)).toEqual([4, 3, 2, 1]);
  });

  it("runs a pass at start and stops cleanly", async () => {
    const c = await chart();
    for (let n = 2; n <= 4; n += 1) await c.touch(n);
    const compactor = createHistoryCompactor(history, logger, {
      afterDays: 1,
      now: () => Date.now() + 2 * DAY_MS,
    });
    compactor.start();
    await compactor.run(); // the pass started at start
    await compactor.stop();
    expect(await listed(c.id)).toEqual([4, 1]);
  });
});
