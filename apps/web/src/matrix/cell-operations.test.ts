import type { ChartDocument, Operation, RaciCode } from "@rolemap/contract";
import { applyOperations } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { cellOperations, setCellEdit } from "./cell-operations";
import { buildMatrixModel, codesAt } from "./matrix-model";

const at = (code: RaciCode) => ({ role: "cio", responsibility: "sec", code });

describe("cellOperations", () => {
  it.each<[string, RaciCode[], RaciCode[], Operation[]]>([
    ["nothing for no change", ["A"], ["A"], []],
    ["nothing for the same codes in another order", ["R", "A"], ["A", "R"], []],
    ["adds a code to an empty cell", [], ["A"], [{ op: "addAssignment", assignment: at("A") }]],
    ["clears a cell", ["A"], [], [{ op: "removeAssignment", assignment: at("A") }]],
    [
      "replaces one code with another as one update",
      ["R"],
      ["A"],
      [{ op: "updateAssignment", assignment: at("R"), code: "A" }],
    ],
    ["adds a second code", ["R"], ["A", "R"], [{ op: "addAssignment", assignment: at("A") }]],
    [
      "clears two codes",
      ["A", "R"],
      [],
      [
        { op: "removeAssignment", assignment: at("A") },
        { op: "removeAssignment", assignment: at("R") },
      ],
    ],
    [
      "pairs what it can and removes the rest",
      ["R", "C"],
      ["A"],
      [
        { op: "updateAssignment", assignment: at("R"), code: "A" },
        { op: "removeAssignment", assignment: at("C") },
      ],
    ],
  ])("%s", (_name, current, next, expected) => {
    expect(cellOperations("cio", "sec", current, next)).toEqual(expected);
  });

  const document: ChartDocument = {
    format: "rolemap.chart/v1",
    name: "T",
    roles: [{ id: "cio", title: "CIO" }],
    reportingLines: [],
    responsibilities: [{ id: "sec", name: "Security" }],
    assignments: [],
  };
  const all: RaciCode[] = ["R", "A", "C", "I", "S"];
  const subsets = Array.from({ length: 32 }, (_, mask) =>
    all.filter((_, bit) => mask & (1 << bit)),
  );

  it("turns every set of codes into every other when applied", () => {
    for (const from of subsets)
      for (const to of subsets) {
        const start = { ...document, assignments: from.map(at) };
        const result = applyOperations(start, cellOperations("cio", "sec", from, to));
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        expect(codesAt(buildMatrixModel(result.document, []), "cio", "sec")).toEqual(
          buildMatrixModel({ ...document, assignments: to.map(at) }, []).cells.get(
            "cio\u0000sec",
          ) ?? [],
        );
      }
  });
});

describe("setCellEdit", () => {
  const cell = {
    roleId: "cio",
    roleTitle: "CIO",
    responsibilityId: "sec",
    responsibilityName: "Security",
  };

  it.each<[RaciCode[], RaciCode[], string | null]>([
    [[], ["A"], "Set CIO on Security to A"],
    [["A"], ["A", "R"], "Set CIO on Security to A/R"],
    [["A"], [], "Clear CIO on Security"],
    [["A"], ["A"], null],
  ])("labels %j → %j as %j", (current, next, label) => {
    expect(setCellEdit(cell, current, next)?.label ?? null).toBe(label);
  });
});
