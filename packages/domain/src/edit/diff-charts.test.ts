import type { ChartDocument, ReportingLine, Responsibility, Role } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { EDIT_CHART, EMPTY_DIFF, NO_ROWS, NO_TUPLES } from "../testing/edit-fixtures";
import { type ChartDiff, diffCharts, isEmptyDiff, sameJson } from "./diff-charts";

const before: ChartDocument = EDIT_CHART;

const role = (id: string): Role => {
  const found = before.roles.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no role ${id}`);
  return found;
};
const responsibility = (id: string): Responsibility => {
  const found = before.responsibilities.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no responsibility ${id}`);
  return found;
};

/** `before` with some lists or fields replaced. */
const after = (changes: Partial<ChartDocument>): ChartDocument => ({ ...before, ...changes });

describe("diffCharts", () => {
  it("finds nothing between a chart and itself", () => {
    const diff = diffCharts(before, before);
    expect(diff).toStrictEqual(EMPTY_DIFF);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it("finds nothing between a chart and a deep copy with keys in another order", () => {
    const copy: ChartDocument = {
      settings: { maxResponsible: 3 },
      assignments: before.assignments.map(({ code, responsibility, role }) => ({
        code,
        responsibility,
        role,
      })),
      responsibilities: before.responsibilities.map(({ name, id }) => ({ name, id })),
      reportingLines: before.reportingLines.map(({ kind, report, manager }) => ({
        kind,
        report,
        manager,
      })),
      roles: before.roles.map(({ holder, title, id }) => ({ holder, title, id })),
      name: before.name,
      format: before.format,
    };
    expect(isEmptyDiff(diffCharts(before, copy))).toBe(true);
  });

  it("reports a new name", () => {
    const diff = diffCharts(before, after({ name: "Renamed" }));
    expect(diff).toStrictEqual({ ...EMPTY_DIFF, name: "Renamed" });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("reports changed settings as a whole", () => {
    const diff = diffCharts(before, after({ settings: { maxResponsible: 3, maxConsulted: 1 } }));
    expect(diff).toStrictEqual({ ...EMPTY_DIFF, settings: { maxResponsible: 3, maxConsulted: 1 } });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("reports removed settings as null", () => {
    const { settings: _, ...withoutSettings } = before;
    const diff = diffCharts(before, withoutSettings);
    expect(diff).toStrictEqual({ ...EMPTY_DIFF, settings: null });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("reports settings added to a chart that had none", () => {
    const { settings: _, ...withoutSettings } = before;
    expect(diffCharts(withoutSettings, before)).toStrictEqual({
      ...EMPTY_DIFF,
      settings: { maxResponsible: 3 },
    });
  });

  it("does not report settings whose keys only changed order", () => {
    const ordered = { ...before, settings: { maxSpanOfControl: 2, maxResponsible: 1 } };
    expect(
      isEmptyDiff(
        diffCharts(ordered, after({ settings: { maxResponsible: 1, maxSpanOfControl: 2 } })),
      ),
    ).toBe(true);
  });

  describe("roles and responsibilities", () => {
    it("reports a role added at the end with its index", () => {
      const cdo: Role = { id: "cdo", title: "CDO" };
      expect(diffCharts(before, after({ roles: [...before.roles, cdo] })).roles).toStrictEqual({
        ...NO_ROWS,
        added: [{ item: cdo, index: 4 }],
      });
    });

    it("reports a role added in the middle and every row it pushed down as moved", () => {
      const cdo: Role = { id: "cdo", title: "CDO" };
      const roles = [role("ceo"), cdo, role("cio"), role("cto"), role("ciso")];
      expect(diffCharts(before, after({ roles })).roles).toStrictEqual({
        ...NO_ROWS,
        added: [{ item: cdo, index: 1 }],
        moved: [
          { id: "cio", index: 2 },
          { id: "cto", index: 3 },
          { id: "ciso", index: 4 },
        ],
      });
    });

    it("reports an updated role with its index", () => {
      const cto: Role = { ...role("cto"), holder: null, department: "Engineering" };
      const roles = before.roles.map((r) => (r.id === "cto" ? cto : r));
      expect(diffCharts(before, after({ roles })).roles).toStrictEqual({
        ...NO_ROWS,
        updated: [{ item: cto, index: 2 }],
      });
    });

    it("reports a role that both changed and moved as updated only", () => {
      const ceo: Role = { ...role("ceo"), title: "Chief executive" };
      const roles = [role("cio"), role("cto"), role("ciso"), ceo];
      expect(diffCharts(before, after({ roles })).roles).toStrictEqual({
        ...NO_ROWS,
        updated: [{ item: ceo, index: 3 }],
        moved: [
          { id: "cio", index: 0 },
          { id: "cto", index: 1 },
          { id: "ciso", index: 2 },
        ],
      });
    });

    it("reports a removed role and the rows that moved up", () => {
      const roles = [role("ceo"), role("cto"), role("ciso")];
      expect(diffCharts(before, after({ roles })).roles).toStrictEqual({
        ...NO_ROWS,
        moved: [
          { id: "cto", index: 1 },
          { id: "ciso", index: 2 },
        ],
        removed: ["cio"],
      });
    });

    it("reports the last role removed without moves", () => {
      expect(diffCharts(before, after({ roles: before.roles.slice(0, 3) })).roles).toStrictEqual({
        ...NO_ROWS,
        removed: ["ciso"],
      });
    });

    it("reports a pure reorder as moved, never as updated", () => {
      const roles = [role("cio"), role("ceo"), role("cto"), role("ciso")];
      const diff = diffCharts(before, after({ roles }));
      expect(diff.roles).toStrictEqual({
        ...NO_ROWS,
        moved: [
          { id: "cio", index: 0 },
          { id: "ceo", index: 1 },
        ],
      });
      expect(isEmptyDiff(diff)).toBe(false);
    });

    it("does not report a role whose keys only changed order or gained undefined values", () => {
      const roles = before.roles.map(({ id, title, holder }) => ({
        holder,
        title,
        id,
        notes: undefined,
      }));
      expect(diffCharts(before, after({ roles })).roles).toStrictEqual(NO_ROWS);
    });

    it("diffs responsibilities the same way", () => {
      const data: Responsibility = { id: "data", name: "Data" };
      const sec: Responsibility = { ...responsibility("sec"), category: "Risk" };
      const responsibilities = [sec, data, responsibility("infra")];
      expect(diffCharts(before, after({ responsibilities })).responsibilities).toStrictEqual({
        added: [{ item: data, index: 1 }],
        updated: [{ item: sec, index: 0 }],
        moved: [{ id: "infra", index: 2 }],
        removed: ["product"],
      });
    });
  });

  describe("reporting lines and assignments", () => {
    // The lines of `before`, in order (sketchChart lists solid lines before dotted ones).
    const ceoCio: ReportingLine = { manager: "ceo", report: "cio", kind: "solid" };
    const ceoCto: ReportingLine = { manager: "ceo", report: "cto", kind: "solid" };
    const cioCiso: ReportingLine = { manager: "cio", report: "ciso", kind: "solid" };
    const ctoCiso: ReportingLine = { manager: "cto", report: "ciso", kind: "dotted" };

    it("knows the lines of the fixture", () => {
      expect(before.reportingLines).toStrictEqual([ceoCio, ceoCto, cioCiso, ctoCiso]);
    });

    const newLine: ReportingLine = { manager: "cio", report: "cto", kind: "dotted" };

    it("reports appended lines as added without a reorder", () => {
      const reportingLines = [...before.reportingLines, newLine];
      expect(diffCharts(before, after({ reportingLines })).reportingLines).toStrictEqual({
        added: [newLine],
        removed: [],
        reordered: false,
      });
    });

    it("reports removed lines and keeps the rest in place", () => {
      const reportingLines = [ceoCio, ctoCiso];
      expect(diffCharts(before, after({ reportingLines })).reportingLines).toStrictEqual({
        added: [],
        removed: [ceoCto, cioCiso],
        reordered: false,
      });
    });

    it("reports removals and appends together without a reorder", () => {
      const reportingLines = [ceoCto, cioCiso, ctoCiso, newLine];
      expect(diffCharts(before, after({ reportingLines })).reportingLines).toStrictEqual({
        added: [newLine],
        removed: [ceoCio],
        reordered: false,
      });
    });

    it("reports a reorder when kept lines changed their relative order", () => {
      const reportingLines = [ceoCto, ceoCio, cioCiso, ctoCiso];
      const diff = diffCharts(before, after({ reportingLines }));
      expect(diff.reportingLines).toStrictEqual({ added: [], removed: [], reordered: true });
      expect(isEmptyDiff(diff)).toBe(false);
    });

    it("reports a reorder when a new line comes before a kept one", () => {
      const reportingLines = [ceoCio, newLine, ceoCto, cioCiso, ctoCiso];
      expect(diffCharts(before, after({ reportingLines })).reportingLines).toStrictEqual({
        added: [newLine],
        removed: [],
        reordered: true,
      });
    });

    it("reports a line whose kind changed as removed and added", () => {
      const solidCtoCiso = { ...ctoCiso, kind: "solid" as const };
      const reportingLines = [ceoCio, ceoCto, cioCiso, solidCtoCiso];
      expect(diffCharts(before, after({ reportingLines })).reportingLines).toStrictEqual({
        added: [solidCtoCiso],
        removed: [ctoCiso],
        reordered: false,
      });
    });

    it("does not report lines whose keys only changed order", () => {
      const reportingLines = before.reportingLines.map(({ kind, report, manager }) => ({
        kind,
        report,
        manager,
      }));
      expect(diffCharts(before, after({ reportingLines })).reportingLines).toStrictEqual(NO_TUPLES);
    });

    it("reports appended assignments as added without a reorder", () => {
      const added = { role: "ceo", responsibility: "infra", code: "I" as const };
      const assignments = [...before.assignments, added];
      expect(diffCharts(before, after({ assignments })).assignments).toStrictEqual({
        added: [added],
        removed: [],
        reordered: false,
      });
    });

    it("reports an assignment whose code changed as removed and added at the end", () => {
      const [first, ...rest] = before.assignments;
      if (first === undefined) throw new Error("no assignments");
      const changed = { ...first, code: "R" as const };
      expect(
        diffCharts(before, after({ assignments: [...rest, changed] })).assignments,
      ).toStrictEqual({ added: [changed], removed: [first], reordered: false });
    });

    it("reports a reorder of kept assignments", () => {
      const assignments = [...before.assignments].reverse();
      expect(diffCharts(before, after({ assignments })).assignments).toStrictEqual({
        added: [],
        removed: [],
        reordered: true,
      });
    });

    it("reports a reorder when a new assignment comes first", () => {
      const added = { role: "ceo", responsibility: "infra", code: "I" as const };
      const assignments = [added, ...before.assignments.slice(1)];
      expect(diffCharts(before, after({ assignments })).assignments).toStrictEqual({
        added: [added],
        removed: [before.assignments[0]],
        reordered: true,
      });
    });
  });
});

describe("isEmptyDiff", () => {
  it.each<[string, ChartDiff]>([
    ["a name", { ...EMPTY_DIFF, name: "x" }],
    ["settings", { ...EMPTY_DIFF, settings: {} }],
    ["removed settings", { ...EMPTY_DIFF, settings: null }],
    [
      "an added role",
      {
        ...EMPTY_DIFF,
        roles: { ...NO_ROWS, added: [{ item: { id: "a", title: "A" }, index: 0 }] },
      },
    ],
    [
      "an updated role",
      {
        ...EMPTY_DIFF,
        roles: { ...NO_ROWS, updated: [{ item: { id: "a", title: "A" }, index: 0 }] },
      },
    ],
    [
      "a moved responsibility",
      { ...EMPTY_DIFF, responsibilities: { ...NO_ROWS, moved: [{ id: "a", index: 1 }] } },
    ],
    [
      "a removed responsibility",
      { ...EMPTY_DIFF, responsibilities: { ...NO_ROWS, removed: ["a"] } },
    ],
    [
      "an added line",
      {
        ...EMPTY_DIFF,
        reportingLines: { ...NO_TUPLES, added: [{ manager: "a", report: "b", kind: "solid" }] },
      },
    ],
    [
      "a removed assignment",
      {
        ...EMPTY_DIFF,
        assignments: { ...NO_TUPLES, removed: [{ role: "a", responsibility: "b", code: "R" }] },
      },
    ],
    ["reordered assignments", { ...EMPTY_DIFF, assignments: { ...NO_TUPLES, reordered: true } }],
  ])("is false for a diff with %s", (_, diff) => {
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("is true for a diff with nothing in it", () => {
    expect(isEmptyDiff(EMPTY_DIFF)).toBe(true);
  });
});

describe("sameJson", () => {
  it.each<[string, unknown, unknown, boolean]>([
    ["equal numbers", 1, 1, true],
    ["different strings", "a", "b", false],
    ["null and null", null, null, true],
    ["null and an object", null, {}, false],
    ["undefined and an empty object", undefined, {}, false],
    [
      "objects with keys in another order",
      { a: 1, b: { c: 2, d: 3 } },
      { b: { d: 3, c: 2 }, a: 1 },
      true,
    ],
    ["an undefined-valued key and a missing key", { a: 1, b: undefined }, { a: 1 }, true],
    ["a missing key and an undefined-valued key", { a: 1 }, { a: 1, b: undefined }, true],
    ["an extra key", { a: 1 }, { a: 1, b: 2 }, false],
    ["a different key with the same count", { a: 1 }, { b: 1 }, false],
    ["a null-valued key and a missing key", { a: null }, {}, false],
    ["equal arrays", [1, [2, { x: 3 }]], [1, [2, { x: 3 }]], true],
    ["arrays in another order", [1, 2], [2, 1], false],
    ["arrays of another length", [1, 2], [1, 2, 3], false],
    ["an array and an object with its keys", [1], { 0: 1 }, false],
    ["a number and its string", 1, "1", false],
  ])("compares %s", (_, a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
    expect(sameJson(b, a)).toBe(expected);
  });
});
