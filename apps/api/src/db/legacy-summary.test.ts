import type { Operation } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { specExample } from "../../test/fixtures/charts";
import { describeLoggedOperations, summaryOfLoggedRow } from "./legacy-summary";

const cell = { role: "cio", responsibility: "infra", code: "R" } as const;

describe("describeLoggedOperations", () => {
  it.each<[string, Operation[], string]>([
    ["nothing", [], "no change"],
    ["one role by its name", [{ op: "removeRole", id: "cto" }], "changed CTO"],
    [
      "a role the batch adds by the title it gives",
      [{ op: "addRole", role: { id: "ciso", title: "CISO" } }],
      "changed CISO",
    ],
    ["an unknown role by its id", [{ op: "moveRole", id: "gone" }], "changed gone"],
    [
      "several roles and a row by count and name",
      [
        { op: "updateRole", id: "ceo", changes: { notes: "x" } },
        { op: "moveRole", id: "cio", manager: "cto" },
        { op: "updateResponsibility", id: "infra", changes: { category: null } },
      ],
      "changed 2 roles and IT infrastructure management",
    ],
    [
      "lines, cells and the chart",
      [
        { op: "addAssignment", assignment: cell },
        { op: "updateAssignment", assignment: cell, code: "A" },
        { op: "removeLine", line: { manager: "cto", report: "cio", kind: "dotted" } },
        { op: "updateChart", name: "Renamed" },
      ],
      "1 reporting line; 2 matrix cells; changed the chart's name or settings",
    ],
  ])("names %s", (_, operations, words) => {
    expect(describeLoggedOperations(operations, specExample())).toBe(words);
  });
});

describe("summaryOfLoggedRow", () => {
  it.each([
    ["create", null, "created the chart"],
    ["operations", null, "changed the chart (no details were kept)"],
    ["import", null, "imported a file"],
    ["import", [{ op: "removeRole", id: "cto" }], "imported: changed CTO"],
  ] as const)("describes a %s row with operations %j", (kind, operations, words) => {
    expect(summaryOfLoggedRow(kind, operations as Operation[] | null, specExample())).toBe(words);
  });
});
