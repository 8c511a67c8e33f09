import { randomUUID } from "node:crypto";
import { type ChartDocument, parseChart } from "@rolemap/contract";
import { applyOperations, operationsBetween, TEMPLATES, validateChart } from "@rolemap/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  shuffledChart,
  smallChartArbitrary,
} from "../../../../packages/domain/src/testing/arbitraries";
import { editArb } from "../../../../packages/domain/src/testing/operation-arbitraries";
import { smallChart, specExample } from "../../test/fixtures/charts";
import { openTestDatabase, type TestDatabase } from "../../test/harness";
import type { ChartChange, ChartStore, CommitOutcome } from "../services/chart-store";
import { createPrismaAccessStore } from "./prisma-access-store";
import { createPrismaChartStore } from "./prisma-chart-store";
import { canonicalDocument } from "./rows";

let db: TestDatabase;
let store: ChartStore;
/** A second store on the same database: its reads come from the tables, not a cache. */
let reader: ChartStore;
let ownerId: string;
beforeAll(async () => {
  db = await openTestDatabase();
  store = createPrismaChartStore(db.database);
  reader = createPrismaChartStore(db.database);
  const owner = await createPrismaAccessStore(db.database).createOwner({
    id: randomUUID(),
    email: "owner@example.com",
    name: "Owner",
    passwordHash: "-",
  });
  if (owner === "already_set_up") throw new Error("a fresh database has no accounts");
  ownerId = owner.id;
});
afterAll(() => db?.close());

function changeOf(document: ChartDocument): ChartChange {
  const findings = validateChart(document);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return {
    document,
    counts: {
      roles: document.roles.length,
      responsibilities: document.responsibilities.length,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
    },
  };
}

const author = { accountId: null, name: "Tester", peer: null };

/** Replaces a chart's document through the write path, as PUT does. */
function replace(
  id: string,
  expectedVersion: number | undefined,
  document: ChartDocument | (() => ChartDocument),
): Promise<CommitOutcome> {
  return store.commit({
    chartId: id,
    batchId: randomUUID(),
    kind: "replace",
    author,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
    plan: (current) => {
      const next = typeof document === "function" ? document() : document;
      return { document: next, operations: operationsBetween(current.document, next) };
    },
  });
}

describe("the Prisma chart store", () => {
  it.each(TEMPLATES.map((t) => [t.id, t.document] as const))(
    "stores the %s template and reads it back in canonical form",
    async (_id, document) => {
      const created = await store.create(changeOf(document), ownerId);
      expect(created.version).toBe(1);
      expect(created.document).toEqual(canonicalDocument(document));
      const read = await store.get(created.id);
      expect(read).toEqual(created);
    },
  );

  it("keeps every bit of a position, on insert and on update", async () => {
    // Doubles that Prisma's own float parameters would round (prisma/prisma#11096).
    const awkward = [479.99999999999994, 0.1 + 0.2, -(1 / 7) * 1e-7, 2 ** 53 + 2];
    const document = specExample();
    document.roles = document.roles.map((role, i) => ({
      ...role,
      position: {
        x: awkward[i % awkward.length] ?? 0,
        y: -(awkward[(i + 1) % awkward.length] ?? 0),
      },
    }));
    const created = await store.create(changeOf(document), ownerId);
    expect((await reader.get(created.id))?.document.roles.map((role) => role.position)).toEqual(
      document.roles.map((role) => role.position),
    );

    const moved = structuredClone(created.document);
    moved.roles = moved.roles.map((role) => ({
      ...role,
      position: { x: (role.position?.x ?? 0) / 3, y: 1 / 3 },
    }));
    const outcome = await replace(created.id, 1, moved);
    expect(outcome).toMatchObject({ status: "committed" });
    expect((await reader.get(created.id))?.document.roles.map((role) => role.position)).toEqual(
      moved.roles.map((role) => role.position),
    );
  });

  it("answers undefined, not_found and false for an unknown chart", async () => {
    const id = randomUUID();
    expect(await store.get(id)).toBeUndefined();
    const outcome = await replace(id, undefined, () => {
      throw new Error("plan must not run for an unknown chart");
    });
    expect(outcome).toEqual({ status: "not_found" });
    expect(await store.remove(id)).toBe(false);
  });

  it("reports a version conflict with the current version and writes nothing", async () => {
    const created = await store.create(changeOf(specExample()), ownerId);
    const outcome = await replace(created.id, 7, smallChart());
    expect(outcome).toEqual({ status: "version_conflict", currentVersion: 1 });
    expect(await reader.get(created.id)).toEqual(created);
  });

  it("leaves the chart untouched when the change cannot be computed", async () => {
    const created = await store.create(changeOf(specExample()), ownerId);
    await expect(
      replace(created.id, 1, () => {
        throw new Error("no change for you");
      }),
    ).rejects.toThrow("no change for you");
    expect(await reader.get(created.id)).toEqual(created);
  });

  it("rolls back a change that fails half-way through writing it", async () => {
    const created = await store.create(changeOf(specExample()), ownerId);
    // Not a valid document: the new role is written, then the assignment breaks a foreign key.
    const broken = specExample();
    broken.name = "Half-written";
    broken.roles.push({ id: "cfo", title: "CFO" });
    broken.assignments.push({ role: "ghost", responsibility: "infra", code: "R" });
    await expect(replace(created.id, 1, broken)).rejects.toThrow();
    expect(await reader.get(created.id)).toEqual(created);
    // The chart is still writable afterwards, and the failed write left nothing in the cache.
    expect(await store.get(created.id)).toEqual(created);
    const outcome = await replace(created.id, 1, smallChart());
    expect(outcome).toMatchObject({ status: "committed", chart: { version: 2 } });
  });

  it("stores nothing of a chart whose creation fails half-way", async () => {
    const before = await store.list({ limit: 1, offset: 0, viewer: { accountId: ownerId } });
    const broken = smallChart("Never stored");
    broken.reportingLines.push({ manager: "ghost", report: "ceo", kind: "dotted" });
    await expect(store.create(changeOf(broken), ownerId)).rejects.toThrow();
    const after = await store.list({ limit: 200, offset: 0, viewer: { accountId: ownerId } });
    expect(after.total).toBe(before.total);
    expect(after.items.map((c) => c.name)).not.toContain("Never stored");
  });

  it("lists the counts saved for the chart's latest version, not older ones", async () => {
    const created = await store.create(changeOf(smallChart("Counted")), ownerId);
    await replace(created.id, undefined, specExample());
    await store.saveCounts(created.id, 2, changeOf(specExample()).counts);
    // Counts computed for an older version arrive late: they must not win.
    await store.saveCounts(created.id, 1, changeOf(smallChart()).counts);
    const { items } = await store.list({ limit: 1, offset: 0, viewer: { accountId: ownerId } });
    expect(items[0]).toMatchObject({
      id: created.id,
      name: specExample().name,
      version: 2,
      counts: { roles: 3, responsibilities: 2, errors: 2, warnings: 1, infos: 1 },
    });
  });

  it("removes a chart with all its rows", async () => {
    const created = await store.create(changeOf(specExample()), ownerId);
    expect(await store.remove(created.id)).toBe(true);
    expect(await store.get(created.id)).toBeUndefined();
    const { prisma } = db.database;
    expect(await prisma.role.count({ where: { chartId: created.id } })).toBe(0);
    expect(await prisma.assignment.count({ where: { chartId: created.id } })).toBe(0);
    expect(await prisma.chartVersion.count({ where: { chartId: created.id } })).toBe(0);
  });
});

/** B made from A: some rows dropped (with what refers to them), some edited, lists reversed. */
function editedChart(a: ChartDocument): fc.Arbitrary<ChartDocument> {
  const flags = (n: number) => fc.array(fc.boolean(), { minLength: n, maxLength: n });
  return fc
    .record({
      keepRole: flags(a.roles.length),
      retitle: flags(a.roles.length),
      keepResponsibility: flags(a.responsibilities.length),
      rename: flags(a.responsibilities.length),
      reverseLines: fc.boolean(),
      reverseAssignments: fc.boolean(),
      rotateRoles: fc.nat(5),
    })
    .map((f) => {
      const roles = a.roles
        .filter((_, i) => f.keepRole[i])
        .map((role, i) =>
          f.retitle[i] ? { ...role, title: `${role.title}!`, holder: null } : role,
        );
      const roleIds = new Set(roles.map((r) => r.id));
      const responsibilities = a.responsibilities
        .filter((_, i) => f.keepResponsibility[i])
        .map((r, i) => (f.rename[i] ? { id: r.id, name: `${r.name} v2` } : r));
      const responsibilityIds = new Set(responsibilities.map((r) => r.id));
      const lines = a.reportingLines.filter((l) => roleIds.has(l.manager) && roleIds.has(l.report));
      const assignments = a.assignments.filter(
        (x) => roleIds.has(x.role) && responsibilityIds.has(x.responsibility),
      );
      const k = roles.length === 0 ? 0 : f.rotateRoles % roles.length;
      return {
        ...a,
        roles: [...roles.slice(k), ...roles.slice(0, k)],
        responsibilities,
        reportingLines: f.reverseLines ? lines.reverse() : lines,
        assignments: f.reverseAssignments ? assignments.reverse() : assignments,
      };
    });
}

const pairs: fc.Arbitrary<[ChartDocument, ChartDocument]> = fc.oneof(
  fc.tuple(smallChartArbitrary, smallChartArbitrary),
  smallChartArbitrary.chain((a) =>
    shuffledChart(a).map((b): [ChartDocument, ChartDocument] => [a, b]),
  ),
  smallChartArbitrary.chain((a) =>
    editedChart(a).map((b): [ChartDocument, ChartDocument] => [a, b]),
  ),
);

describe("the Prisma chart store's row-level diff", () => {
  it("turns any stored chart A into exactly canonical(B) when B replaces it", async () => {
    await fc.assert(
      fc.asyncProperty(pairs, async ([a, b]) => {
        expect(parseChart(b).ok).toBe(true);
        const created = await store.create(changeOf(a), ownerId);
        const outcome = await replace(created.id, 1, b);
        expect(outcome.status).toBe("committed");
        const read = await reader.get(created.id);
        expect(read?.document).toEqual(canonicalDocument(b));
        expect(read?.version).toBe(2);
        if (outcome.status === "committed") expect(outcome.chart.document).toEqual(read?.document);
        // And back again: B to A.
        await replace(created.id, 2, a);
        expect((await reader.get(created.id))?.document).toEqual(canonicalDocument(a));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe("the Prisma chart store's writes of operations", () => {
  it("writes only what a batch touches, and the tables read back as the batch's result", async () => {
    await fc.assert(
      fc.asyncProperty(editArb(), async ([chart, operations]) => {
        const applied = applyOperations(chart, operations);
        fc.pre(applied.ok);
        const created = await store.create(changeOf(chart), ownerId);
        const batchId = randomUUID();
        const outcome = await store.commit({
          chartId: created.id,
          batchId,
          kind: "operations",
          author,
          plan: (current) => {
            const result = applyOperations(current.document, operations);
            if (!result.ok) throw new Error("applied before, must apply now");
            return { document: result.document, operations };
          },
        });
        expect(outcome.status).toBe("committed");
        const read = await reader.get(created.id);
        expect(read?.document).toEqual(canonicalDocument(applied.ok ? applied.document : chart));
        if (outcome.status === "committed") expect(outcome.chart.document).toEqual(read?.document);
        // The log holds the batch for replay.
        expect(await reader.readLog(created.id, 1, 2)).toEqual([
          { version: 2, batchId, author, operations },
        ]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("answers a batch id it has stored as a duplicate and applies nothing", async () => {
    const created = await store.create(changeOf(specExample()), ownerId);
    const batchId = randomUUID();
    const commit = () =>
      store.commit({
        chartId: created.id,
        batchId,
        kind: "operations",
        author,
        plan: () => ({
          document: { ...created.document, name: "Renamed once" },
          operations: [{ op: "updateChart", name: "Renamed once" }],
        }),
      });
    expect(await commit()).toMatchObject({ status: "committed", chart: { version: 2 } });
    expect(await commit()).toEqual({ status: "duplicate", version: 2 });
    expect((await reader.head(created.id))?.version).toBe(2);
  });

  it("re-reads a chart another process changed instead of trusting its cache", async () => {
    const created = await store.create(changeOf(specExample()), ownerId);
    // `reader` plays the other process: its write moves the chart past `store`'s cache.
    await reader.commit({
      chartId: created.id,
      batchId: randomUUID(),
      kind: "operations",
      author,
      plan: (current) => ({
        document: { ...current.document, name: "Elsewhere" },
        operations: [{ op: "updateChart", name: "Elsewhere" }],
      }),
    });
    const outcome = await store.commit({
      chartId: created.id,
      batchId: randomUUID(),
      kind: "operations",
      author,
      plan: (current) => {
        expect(current.document.name).toBe("Elsewhere");
        return { document: current.document, operations: [{ op: "updateChart" }] };
      },
    });
    expect(outcome).toMatchObject({ status: "committed", chart: { version: 3 } });
    expect((await store.get(created.id))?.document.name).toBe("Elsewhere");
  });

  it("reads a chart in one snapshot while writes land (a version never comes with the next one's rows)", async () => {
    const created = await store.create(changeOf(specExample()), ownerId);
    const writes = (async () => {
      for (let n = 2; n <= 30; n++)
        await store.commit({
          chartId: created.id,
          batchId: randomUUID(),
          kind: "operations",
          author,
          plan: (current) => {
            const operations = [
              { op: "updateChart", name: `v${n}` },
              { op: "updateRole", id: "cio", changes: { title: `v${n}` } },
            ] satisfies Parameters<typeof applyOperations>[1];
            const applied = applyOperations(current.document, operations);
            if (!applied.ok) throw new Error("must apply");
            return { document: applied.document, operations };
          },
        });
    })();
    let done = false;
    void writes.finally(() => {
      done = true;
    });
    const seen: string[] = [];
    while (!done) {
      // A store of its own, so every read goes to the tables (another process's view).
      const chart = await createPrismaChartStore(db.database).get(created.id);
      if (chart === undefined || chart.version === 1) continue;
      const title = chart.document.roles.find((role) => role.id === "cio")?.title;
      seen.push(`${chart.version}:${chart.document.name}:${title}`);
      expect([chart.document.name, title]).toEqual([`v${chart.version}`, `v${chart.version}`]);
    }
    await writes;
    expect(seen.length).toBeGreaterThan(0);
  });

  it("keeps the lock and reports it to the next write", async () => {
    const created = await store.create(changeOf(specExample()), ownerId);
    expect(await store.setLock(created.id, ownerId)).toBe(true);
    expect(await store.head(created.id)).toEqual({ version: 1, lockedBy: ownerId });
    await replace(created.id, undefined, () => specExample());
    expect(await store.setLock(randomUUID(), null)).toBe(false);
  });

  it("cannot replay a stretch of the log that holds a create or a gap", async () => {
    const created = await store.create(changeOf(specExample()), ownerId);
    await replace(created.id, undefined, smallChart());
    expect(await store.readLog(created.id, 0, 2)).toBeUndefined();
    expect(await store.readLog(created.id, 1, 3)).toBeUndefined();
    expect(await store.readLog(created.id, 2, 2)).toEqual([]);
    expect((await store.readLog(created.id, 1, 2))?.map((e) => e.version)).toEqual([2]);
  });
});

describe("a scenario's link", () => {
  it("is read by every store after a promote moves its base or its original goes, with no new version", async () => {
    const original = await store.create(changeOf(specExample()), ownerId);
    const link = { of: original.id, baseVersion: 1 };
    const copy = await store.create(changeOf(specExample()), ownerId, { scenario: link });
    expect(copy.scenario).toEqual(link);
    // Another process holds the scenario at its version.
    expect((await reader.get(copy.id))?.scenario).toEqual(link);
    expect(await store.markPromoted(copy.id, original.id, 5, 5)).toBe(true);
    expect(await store.markPromoted(copy.id, randomUUID(), 6, 6)).toBe(false);
    for (const each of [store, reader])
      expect(await each.get(copy.id)).toMatchObject({ version: 1, scenario: { baseVersion: 5 } });
    // Kept by a write of the scenario, from the row under its lock.
    await replace(copy.id, undefined, smallChart());
    expect((await store.get(copy.id))?.scenario).toEqual({ of: original.id, baseVersion: 5 });
    expect(await store.scenarios(original.id)).toEqual([
      expect.objectContaining({ id: copy.id, link: { of: original.id, baseVersion: 5 } }),
    ]);
    expect(await store.remove(original.id)).toBe(true);
    for (const each of [store, reader]) expect((await each.get(copy.id))?.scenario).toBeUndefined();
  });
});
