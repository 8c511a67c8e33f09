import type { ChartDocument, Operation } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { sketchChart } from "../testing/chart-builder";
import { applyOperations } from "./apply-operations";
import { structuralConflicts } from "./structural-conflicts";

const chart = sketchChart({
  roles: ["ceo", "cio", "cto", "ciso", "lead"],
  solid: ["ceo>cio", "ceo>cto", "cto>ciso", "ciso>lead"],
  dotted: ["cio>ciso"],
});

function conflictsOf(document: ChartDocument, operations: Operation[]) {
  const applied = applyOperations(document, operations);
  if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
  return structuralConflicts(applied.document, operations);
}

describe("structuralConflicts", () => {
  it("accepts a batch that draws no solid line, or one that keeps one manager and no cycle", () => {
    expect(
      conflictsOf(chart, [{ op: "updateRole", id: "cio", changes: { title: "CIO" } }]),
    ).toEqual([]);
    expect(conflictsOf(chart, [{ op: "moveRole", id: "ciso", manager: "cio" }])).toEqual([]);
    expect(
      conflictsOf(chart, [
        { op: "addLine", line: { manager: "cio", report: "lead", kind: "dotted" } },
      ]),
    ).toEqual([]);
  });

  it("refuses a second solid-line manager, naming the operation and both managers", () => {
    expect(
      conflictsOf(chart, [
        { op: "updateRole", id: "cio", changes: { title: "CIO" } },
        { op: "addLine", line: { manager: "cio", report: "ciso", kind: "solid" } },
      ]),
    ).toEqual([
      {
        path: "operations[1]",
        message: 'role "ciso" would have 2 solid-line managers ("cto", "cio"); a role has one',
      },
    ]);
    // A dotted line turned solid counts the same.
    expect(
      conflictsOf(chart, [
        {
          op: "updateLine",
          line: { manager: "cio", report: "ciso", kind: "dotted" },
          kind: "solid",
        },
      ]),
    ).toHaveLength(1);
  });

  it("refuses a solid line that closes a cycle, directly or through a chain", () => {
    expect(conflictsOf(chart, [{ op: "moveRole", id: "cto", manager: "lead" }])).toEqual([
      {
        path: "operations[0]",
        message:
          'a solid line from "cto" to "lead" would close a cycle: "lead" already reports to "cto"',
      },
    ]);
    expect(conflictsOf(chart, [{ op: "moveRole", id: "ciso", manager: "lead" }])).toHaveLength(1);
  });

  it("ignores a line the same batch removes again, and problems it did not draw", () => {
    const line = { manager: "cio", report: "ciso", kind: "solid" } as const;
    expect(
      conflictsOf(chart, [
        { op: "addLine", line },
        { op: "removeLine", line },
      ]),
    ).toEqual([]);
    const imported = sketchChart({ roles: ["a", "b", "c"], solid: ["a>b", "b>a"] });
    expect(conflictsOf(imported, [{ op: "moveRole", id: "c", manager: "a" }])).toEqual([]);
  });
});
