import { randomUUID } from "node:crypto";
import { type ChartDocument, parseChart } from "@rolemap/contract";
import { TEMPLATES, validateChart } from "@rolemap/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  shuffledChart,
  smallChartArbitrary,
} from "../../../../packages/domain/src/testing/arbitraries";
import { smallChart, specExample } from "../../test/fixtures/charts";
import { openTestDatabase, type TestDatabase } from "../../test/harness";
import type { ChartChange, ChartStore } from "../services/chart-store";
import { createPrismaAccessStore } from "./prisma-access-store";
import { createPrismaChartStore } from "./prisma-chart-store";
import { canonicalDocument } from "./rows";

let db: TestDatabase;
let store: ChartStore;
let ownerId: string;
beforeAll(async () => {
  db = await openTestDatabase();
  store = createPrismaChartStore(db.database);
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

function changeOf(document: ChartDocument, kind: ChartChange["kind"] = "replace"): ChartChange {
  const findings = validateChart(document);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return {
    document,
    kind,
    counts: {
      roles: document.roles.length,
      responsibilities: document.responsibilities.length,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
    },
  };
}

describe("the Prisma chart store", () => {
  it.each(TEMPLATES.map((t) => [t.id, t.document] as const))(
    "stores the %s template and reads it back in canonical form",
    async (_id, document) => {
      const created = await store.create(changeOf(document, "create"), ownerId);
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
    const created = await store.create(changeOf(document, "create"), ownerId);
    expect((await store.get(created.id))?.document.roles.map((role) => role.position)).toEqual(
      document.roles.map((role) => role.position),
    );

    const moved = structuredClone(created.document);
    moved.roles = moved.roles.map((role) => ({
      ...role,
      position: { x: (role.position?.x ?? 0) / 3, y: 1 / 3 },
    }));
    const outcome = await store.update(created.id, 1, () => changeOf(moved));
    expect(outcome).toMatchObject({ status: "updated" });
    expect((await store.get(created.id))?.document.roles.map((role) => role.position)).toEqual(
      moved.roles.map((role) => role.position),
    );
  });

  it("answers undefined, not_found and false for an unknown chart", async () => {
    const id = randomUUID();
    expect(await store.get(id)).toBeUndefined();
    const outcome = await store.update(id, undefined, () => {
      throw new Error("compute must not run for an unknown chart");
    });
    expect(outcome).toEqual({ status: "not_found" });
    expect(await store.remove(id)).toBe(false);
  });

  it("reports a version conflict with the current version and writes nothing", async () => {
    const created = await store.create(changeOf(specExample(), "create"), ownerId);
    const outcome = await store.update(created.id, 7, () => changeOf(smallChart()));
    expect(outcome).toEqual({ status: "version_conflict", currentVersion: 1 });
    expect(await store.get(created.id)).toEqual(created);
  });

  it("leaves the chart untouched when the change cannot be computed", async () => {
    const created = await store.create(changeOf(specExample(), "create"), ownerId);
    await expect(
      store.update(created.id, 1, () => {
        throw new Error("no change for you");
      }),
    ).rejects.toThrow("no change for you");
    expect(await store.get(created.id)).toEqual(created);
  });

  it("rolls back a change that fails half-way through writing it", async () => {
    const created = await store.create(changeOf(specExample(), "create"), ownerId);
    // Not a valid document: the new role is written, then the assignment breaks a foreign key.
    const broken = specExample();
    broken.name = "Half-written";
    broken.roles.push({ id: "cfo", title: "CFO" });
    broken.assignments.push({ role: "ghost", responsibility: "infra", code: "R" });
    await expect(store.update(created.id, 1, () => changeOf(broken))).rejects.toThrow();
    expect(await store.get(created.id)).toEqual(created);
    // The chart is still writable afterwards.
    const outcome = await store.update(created.id, 1, () => changeOf(smallChart()));
    expect(outcome).toMatchObject({ status: "updated", chart: { version: 2 } });
  });

  it("stores nothing of a chart whose creation fails half-way", async () => {
    const before = await store.list({ limit: 1, offset: 0, viewer: { accountId: ownerId } });
    const broken = smallChart("Never stored");
    broken.reportingLines.push({ manager: "ghost", report: "ceo", kind: "dotted" });
    await expect(store.create(changeOf(broken, "create"), ownerId)).rejects.toThrow();
    const after = await store.list({ limit: 200, offset: 0, viewer: { accountId: ownerId } });
    expect(after.total).toBe(before.total);
    expect(after.items.map((c) => c.name)).not.toContain("Never stored");
  });

  it("keeps the counts of the last change for the list", async () => {
    const created = await store.create(changeOf(smallChart("Counted"), "create"), ownerId);
    await store.update(created.id, undefined, () => changeOf(specExample()));
    const { items } = await store.list({ limit: 1, offset: 0, viewer: { accountId: ownerId } });
    expect(items[0]).toMatchObject({
      id: created.id,
      name: specExample().name,
      version: 2,
      counts: { roles: 3, responsibilities: 2, errors: 2, warnings: 1, infos: 1 },
    });
  });

  it("removes a chart with all its rows", async () => {
    const created = await store.create(changeOf(specExample(), "create"), ownerId);
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
        const created = await store.create(changeOf(a, "create"), ownerId);
        const outcome = await store.update(created.id, 1, () => changeOf(b));
        expect(outcome.status).toBe("updated");
        const read = await store.get(created.id);
        expect(read?.document).toEqual(canonicalDocument(b));
        expect(read?.version).toBe(2);
        if (outcome.status === "updated") expect(outcome.chart.document).toEqual(read?.document);
        // And back again: B to A.
        await store.update(created.id, 2, () => changeOf(a));
        expect((await store.get(created.id))?.document).toEqual(canonicalDocument(a));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
