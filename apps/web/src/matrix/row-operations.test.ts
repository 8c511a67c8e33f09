import type { ChartDocument } from "@rolemap/contract";
import { applyOperations } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import {
  addRowEdit,
  categoriesOf,
  categoriseRowEdit,
  moveRowEdit,
  newResponsibilityId,
  removeRowEdit,
  renameRowEdit,
  slugify,
} from "./row-operations";

const document: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "T",
  roles: [{ id: "cio", title: "CIO" }],
  reportingLines: [],
  responsibilities: [
    { id: "security", name: "Security", category: "Risk" },
    { id: "data", name: "Data" },
    { id: "cloud", name: "Cloud", category: " Operations " },
  ],
  assignments: [{ role: "cio", responsibility: "data", code: "A" }],
};

const apply = (operations: Parameters<typeof applyOperations>[1]) => {
  const result = applyOperations(document, operations);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
};

describe("slugify", () => {
  it.each([
    ["Cloud platform", "cloud-platform"],
    ["  Données & Sécurité (EU) ", "donnees-securite-eu"],
    ["R&D", "r-d"],
    ["!!!", ""],
    ["Ärger", "arger"],
  ])("turns %j into %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("keeps ids short", () => {
    expect(slugify("word ".repeat(50)).length).toBeLessThanOrEqual(60);
    expect(slugify("word ".repeat(50)).endsWith("-")).toBe(false);
  });
});

describe("newResponsibilityId", () => {
  it.each([
    ["Cloud platform", [], "cloud-platform"],
    ["Security", ["security"], "security-2"],
    ["Security", ["security", "security-2", "security-3"], "security-4"],
    ["???", [], "responsibility"],
    ["???", ["responsibility"], "responsibility-2"],
  ])("names %j (taken: %j) %j", (name, taken, id) => {
    expect(newResponsibilityId(name, taken)).toBe(id);
  });
});

describe("addRowEdit", () => {
  it("adds a row at the end with a fresh id", () => {
    const edit = addRowEdit(document, { name: "  Security  ", category: "Risk" });
    expect(edit?.operations).toEqual([
      {
        op: "addResponsibility",
        responsibility: { id: "security-2", name: "Security", category: "Risk" },
      },
    ]);
    expect(apply(edit?.operations ?? []).responsibilities.at(-1)?.id).toBe("security-2");
  });

  it("adds a row at an index", () => {
    const edit = addRowEdit(document, { name: "Vendors" }, 1);
    expect(apply(edit?.operations ?? []).responsibilities.map((r) => r.id)).toEqual([
      "security",
      "vendors",
      "data",
      "cloud",
    ]);
  });

  it.each(["", "   "])("refuses the blank name %j", (name) => {
    expect(addRowEdit(document, { name })).toBeNull();
  });

  it("leaves out a blank category", () => {
    expect(addRowEdit(document, { name: "X", category: " " })?.operations[0]).toEqual({
      op: "addResponsibility",
      responsibility: { id: "x", name: "X" },
    });
  });
});

describe("renameRowEdit", () => {
  const row = { id: "data", name: "Data" };
  it.each([
    ["Data governance", "Data governance"],
    ["  Data   use ", "Data use"],
  ])("renames to %j", (name, expected) => {
    const edit = renameRowEdit(row, name);
    expect(edit?.operations).toEqual([
      { op: "updateResponsibility", id: "data", changes: { name: expected } },
    ]);
  });

  it.each(["Data", " Data ", "", "  "])("does nothing for %j", (name) => {
    expect(renameRowEdit(row, name)).toBeNull();
  });
});

describe("categoriseRowEdit", () => {
  it.each([
    [{ id: "data", name: "Data" }, "Data", { category: "Data" }],
    [{ id: "security", name: "Security", category: "Risk" }, "", { category: null }],
    [{ id: "security", name: "Security", category: "Risk" }, "Security", { category: "Security" }],
  ])("sets %j to %j", (row, category, changes) => {
    expect(categoriseRowEdit(row, category)?.operations).toEqual([
      { op: "updateResponsibility", id: row.id, changes },
    ]);
  });

  it.each([
    [{ id: "data", name: "Data" }, " "],
    [{ id: "cloud", name: "Cloud", category: " Operations " }, "Operations"],
  ])("does nothing for %j → %j", (row, category) => {
    expect(categoriseRowEdit(row, category)).toBeNull();
  });

  it("clears a category when applied", () => {
    const edit = categoriseRowEdit({ id: "security", name: "Security", category: "Risk" }, "");
    expect(apply(edit?.operations ?? []).responsibilities[0]).toEqual({
      id: "security",
      name: "Security",
    });
  });
});

describe("removeRowEdit", () => {
  it("removes the row and its assignments", () => {
    const edit = removeRowEdit({ id: "data", name: "Data" });
    const after = apply(edit.operations);
    expect(after.responsibilities.map((r) => r.id)).toEqual(["security", "cloud"]);
    expect(after.assignments).toEqual([]);
    expect(edit.label).toBe("Remove responsibility “Data”");
  });
});

describe("moveRowEdit", () => {
  it.each([
    ["data", -1, ["data", "security", "cloud"]],
    ["data", 1, ["security", "cloud", "data"]],
    ["security", 1, ["data", "security", "cloud"]],
  ] as const)("moves %s by %i", (id, direction, order) => {
    const edit = moveRowEdit(document, id, direction);
    expect(apply(edit?.operations ?? []).responsibilities.map((r) => r.id)).toEqual(order);
  });

  it.each([
    ["security", -1],
    ["cloud", 1],
    ["missing", 1],
  ] as const)("does nothing for %s by %i", (id, direction) => {
    expect(moveRowEdit(document, id, direction)).toBeNull();
  });
});

describe("categoriesOf", () => {
  it("lists distinct trimmed categories in first-use order", () => {
    expect(categoriesOf(document.responsibilities)).toEqual(["Risk", "Operations"]);
  });
});

describe("row edits", () => {
  it("do not mutate the document", () => {
    const copy = structuredClone(document);
    addRowEdit(document, { name: "Security" });
    moveRowEdit(document, "data", 1);
    categoriesOf(document.responsibilities);
    expect(document).toEqual(copy);
  });
});
