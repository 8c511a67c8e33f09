import type { ChartDocument, Operation } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { applyChartDiff } from "../testing/apply-chart-diff";
import { EDIT_CHART, EMPTY_DIFF, NO_ROWS } from "../testing/edit-fixtures";
import { applyOperations } from "./apply-operations";
import { diffByOperations } from "./diff-by-operations";
import { type ChartDiff, diffCharts } from "./diff-charts";

const before: ChartDocument = EDIT_CHART;

function edit(operations: Operation[]) {
  const result = applyOperations(before, operations);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
}

/** The diff of a batch, checked to write `after` exactly. */
function diffOf(operations: Operation[]): ChartDiff {
  const after = edit(operations);
  const diff = diffByOperations(before, after, operations);
  expect(applyChartDiff(before, diff, after)).toEqual(after);
  return diff;
}

const role = (id: string) => edit([]).roles.find((r) => r.id === id);

describe("diffByOperations", () => {
  it("reports one updated role for an updateRole", () => {
    const diff = diffOf([{ op: "updateRole", id: "cto", changes: { title: "Chief" } }]);
    expect(diff).toStrictEqual({
      ...EMPTY_DIFF,
      roles: { ...NO_ROWS, updated: [{ item: { ...role("cto"), title: "Chief" }, index: 2 }] },
    });
  });

  it("reports nothing for an update that sets the values the role has", () => {
    expect(diffOf([{ op: "updateRole", id: "cto", changes: { title: "CTO" } }])).toStrictEqual(
      EMPTY_DIFF,
    );
  });

  it("reports a new solid line, and the old one removed, for a moveRole with a manager", () => {
    const diff = diffOf([{ op: "moveRole", id: "ciso", manager: "cto", position: { x: 1, y: 2 } }]);
    expect(diff.roles.updated.map(({ index }) => index)).toStrictEqual([3]);
    expect(diff.reportingLines).toStrictEqual({
      added: [{ manager: "cto", report: "ciso", kind: "solid" }],
      removed: [{ manager: "cio", report: "ciso", kind: "solid" }],
      reordered: false,
    });
  });

  it("reports nothing for a moveRole under the manager the role has", () => {
    expect(diffOf([{ op: "moveRole", id: "cio", manager: "ceo" }])).toStrictEqual(EMPTY_DIFF);
  });

  it("appends an added role and its assignment", () => {
    const diff = diffOf([
      { op: "addRole", role: { id: "cdo", title: "CDO" } },
      { op: "addAssignment", assignment: { role: "cdo", responsibility: "sec", code: "C" } },
    ]);
    expect(diff.roles.added).toStrictEqual([{ item: { id: "cdo", title: "CDO" }, index: 4 }]);
    expect(diff.assignments.added).toStrictEqual([
      { role: "cdo", responsibility: "sec", code: "C" },
    ]);
  });

  it("lists an assignment whose code changes as removed and added", () => {
    const diff = diffOf([
      {
        op: "updateAssignment",
        assignment: { role: "cio", responsibility: "infra", code: "A" },
        code: "R",
      },
    ]);
    expect(diff.assignments).toStrictEqual({
      added: [{ role: "cio", responsibility: "infra", code: "R" }],
      removed: [{ role: "cio", responsibility: "infra", code: "A" }],
      reordered: false,
    });
  });

  it("lists a row removed and added again in both, so it is written at the end", () => {
    const line = { manager: "ceo", report: "cio", kind: "solid" } as const;
    const diff = diffOf([
      { op: "removeLine", line },
      { op: "addLine", line },
    ]);
    expect(diff.reportingLines).toStrictEqual({ added: [line], removed: [line], reordered: false });
  });

  it("drops an appended row that a later operation removes", () => {
    const line = { manager: "ciso", report: "cto", kind: "dotted" } as const;
    expect(
      diffOf([
        { op: "addLine", line },
        { op: "removeLine", line },
      ]),
    ).toStrictEqual(EMPTY_DIFF);
  });

  it.each<[string, Operation[]]>([
    [
      "a role inserted at the front",
      [{ op: "addRole", role: { id: "cdo", title: "CDO" }, index: 0 }],
    ],
    ["a role removed", [{ op: "removeRole", id: "cio" }]],
    ["a responsibility moved", [{ op: "moveResponsibility", id: "sec", index: 0 }]],
    ["a responsibility removed", [{ op: "removeResponsibility", id: "infra" }]],
    [
      "a responsibility inserted and renamed",
      [
        { op: "addResponsibility", responsibility: { id: "ops", name: "Ops" }, index: 1 },
        { op: "updateResponsibility", id: "sec", changes: { name: "Security" } },
      ],
    ],
    ["a new name and no settings", [{ op: "updateChart", name: "Renamed", settings: null }]],
  ])("gives what diffCharts gives for %s", (_, operations) => {
    const after = edit(operations);
    expect(diffOf(operations)).toStrictEqual(diffCharts(before, after));
  });

  it("falls back to the full diff when `after` is not the batch's result", () => {
    const after = { ...before, roles: [...before.roles].reverse() };
    const diff = diffByOperations(before, after, [{ op: "updateRole", id: "cto", changes: {} }]);
    expect(diff).toStrictEqual(diffCharts(before, after));
  });

  it("reads no stored line or assignment, and only the appended tail, for a common batch", () => {
    const reads: string[] = [];
    // Counts each row read through the array (indexing, or any Array method on it).
    const watch = <T>(rows: T[], what: string) =>
      new Proxy(rows, {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) reads.push(`${what}[${key}]`);
          return Reflect.get(target, key, receiver);
        },
      });
    const operations: Operation[] = [
      { op: "updateRole", id: "cio", changes: { title: "Chief" } },
      { op: "moveRole", id: "cto", position: { x: 5, y: 5 } },
      { op: "addAssignment", assignment: { role: "cto", responsibility: "sec", code: "I" } },
    ];
    const after = edit(operations);
    const watched = (document: ChartDocument, what: string): ChartDocument => ({
      ...document,
      reportingLines: watch([...document.reportingLines], `${what}.lines`),
      assignments: watch([...document.assignments], `${what}.assignments`),
    });
    diffByOperations(watched(before, "before"), watched(after, "after"), operations);
    expect([...new Set(reads)]).toStrictEqual([`after.assignments[${before.assignments.length}]`]);
  });

  it("does not mutate its input", () => {
    const operations: Operation[] = [{ op: "removeRole", id: "cio" }];
    const after = edit(operations);
    const copies = structuredClone([before, after, operations]);
    diffByOperations(before, after, operations);
    expect([before, after, operations]).toStrictEqual(copies);
  });
});
