import type { Operation } from "@rolemap/contract";
import { applyOperations, summariseOperations } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { specExample } from "../../test/fixtures/charts";
import { LARGE_BATCH, summaryOf, summaryOfLoggedRow } from "./history-summaries";
import { describeTouched } from "./touched-words";

const cell = { role: "cio", responsibility: "infra", code: "R" } as const;

describe("describeTouched", () => {
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
    expect(describeTouched(operations, specExample())).toBe(words);
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

describe("summaryOf", () => {
  const edit: Operation[] = [
    { op: "updateRole", id: "ceo", changes: { title: "Chief Executive" } },
  ];

  const applied = applyOperations(specExample(), edit);
  if (!applied.ok) throw new Error("the example edit applies");
  const after = applied.document;

  it("is the engine's words for a batch, prefixed for a restore, a promote and an import", () => {
    const words = summariseOperations(specExample(), edit);
    expect(words).toBe("renamed CEO to Chief Executive");
    expect(summaryOf("operations", specExample(), edit, undefined, after)).toBe(words);
    expect(summaryOf("restore", specExample(), edit, { restoredFrom: 4 }, after)).toBe(
      `restored version 4: ${words}`,
    );
    expect(
      summaryOf(
        "promote",
        specExample(),
        edit,
        { promotedFrom: { id: "x", name: "CISO under CIO" } },
        after,
      ),
    ).toBe(`promoted the scenario "CISO under CIO": ${words}`);
    expect(summaryOf("import", specExample(), edit, undefined, after)).toBe(`imported: ${words}`);
  });

  it(`counts what a batch of more than ${LARGE_BATCH} operations touched`, () => {
    const many: Operation[] = Array.from({ length: LARGE_BATCH + 1 }, (_, n) => ({
      op: "moveRole",
      id: ["ceo", "cio", "cto"][n % 3] as string,
      position: { x: n, y: 0 },
    }));
    expect(summaryOf("replace", specExample(), many, undefined, specExample())).toBe(
      "changed 3 roles",
    );
  });
});
