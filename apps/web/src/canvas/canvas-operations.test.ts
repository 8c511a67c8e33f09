import type { ChartDocument, ReportingLine, Role } from "@rolemap/contract";
import { applyOperations } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { findArchetype } from "./archetypes";
import {
  autoLayoutOperations,
  canDrawLine,
  deleteOperations,
  dragStopOperations,
  drawLineOperations,
  lineKindOperations,
  paletteDropOperations,
  pinOperations,
  roleEditOperations,
} from "./canvas-operations";

const solid = (manager: string, report: string): ReportingLine => ({
  manager,
  report,
  kind: "solid",
});
const dotted = (manager: string, report: string): ReportingLine => ({
  manager,
  report,
  kind: "dotted",
});

const document: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Test",
  roles: [
    { id: "ceo", title: "CEO", holder: "Dana", position: { x: 0, y: 0 } },
    { id: "cio", title: "CIO", holder: null, department: "IT", position: { x: 0, y: 200 } },
    { id: "cto", title: "CTO", holder: "Kim" },
  ],
  reportingLines: [solid("ceo", "cio"), solid("ceo", "cto"), dotted("cto", "cio")],
  responsibilities: [],
  assignments: [],
};

/** The batch applies to the document as the editor would apply it. */
function applies(operations: Parameters<typeof applyOperations>[1]) {
  const result = applyOperations(document, operations);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
}

const cio = findArchetype("cio");
if (cio === undefined) throw new Error("no CIO archetype");

describe("paletteDropOperations", () => {
  it("adds a vacant role where it was dropped", () => {
    const { roleId, operations } = paletteDropOperations(document, {
      archetype: cio,
      position: { x: 10.4, y: 20.6 },
      manager: null,
    });
    expect(roleId).toBe("cio-2");
    expect(operations).toEqual([
      {
        op: "addRole",
        role: {
          id: "cio-2",
          title: "Chief Information Officer",
          holder: null,
          department: "Information Technology",
          position: { x: 10, y: 21 },
        },
      },
    ]);
    expect(applies(operations).roles).toHaveLength(4);
  });

  it("adds a solid line to the role it was dropped on", () => {
    const { operations } = paletteDropOperations(document, {
      archetype: cio,
      position: { x: 0, y: 400 },
      manager: "ceo",
    });
    expect(operations[1]).toEqual({ op: "addLine", line: solid("ceo", "cio-2") });
    expect(applies(operations).reportingLines).toContainEqual(solid("ceo", "cio-2"));
  });
});

describe("dragStopOperations", () => {
  it("moves every dragged role to its rounded place", () => {
    expect(
      dragStopOperations(
        [
          { id: "ceo", position: { x: 1.2, y: 2.7 } },
          { id: "cio", position: { x: 5, y: 6 } },
        ],
        null,
      ),
    ).toEqual([
      { op: "moveRole", id: "ceo", position: { x: 1, y: 3 } },
      { op: "moveRole", id: "cio", position: { x: 5, y: 6 } },
    ]);
  });

  it("re-parents a role dropped on another one at the place chosen for it", () => {
    const operations = dragStopOperations([{ id: "cto", position: { x: 9, y: 9 } }], {
      id: "cto",
      manager: "cio",
      position: { x: 0, y: 400 },
    });
    expect(operations).toEqual([
      { op: "moveRole", id: "cto", manager: "cio", position: { x: 0, y: 400 } },
    ]);
    const lines = applies(operations).reportingLines;
    expect(lines).toContainEqual(solid("cio", "cto"));
    expect(lines).not.toContainEqual(solid("ceo", "cto"));
    expect(lines).toContainEqual(dotted("cto", "cio"));
  });
});

describe("canDrawLine", () => {
  it.each<[string, string, boolean]>([
    ["ceo", "ceo", false],
    ["ceo", "cio", false],
    ["cto", "cio", true],
    ["cio", "ceo", true],
  ])("from %s to %s: %s", (manager, report, expected) => {
    expect(canDrawLine(document, manager, report)).toBe(expected);
  });
});

describe("drawLineOperations", () => {
  const loose: ChartDocument = {
    ...document,
    roles: [...document.roles, { id: "cdo", title: "CDO" }],
  };
  it("draws a solid line to a role without a manager", () => {
    expect(drawLineOperations(loose, "cio", "cdo")).toEqual([
      { op: "addLine", line: solid("cio", "cdo") },
    ]);
  });
  it("draws a dotted line to a role that has a solid-line manager already", () => {
    expect(drawLineOperations(loose, "cio", "cto")).toEqual([
      { op: "addLine", line: dotted("cio", "cto") },
    ]);
  });
  it("draws a dotted line where a solid one would close a cycle", () => {
    expect(drawLineOperations(loose, "cio", "ceo")).toEqual([
      { op: "addLine", line: dotted("cio", "ceo") },
    ]);
  });
  it("draws nothing where that dotted line exists", () => {
    expect(drawLineOperations(loose, "cto", "cio")).toEqual([]);
  });
});

describe("lineKindOperations", () => {
  it.each<[string, ReportingLine, "solid" | "dotted", number]>([
    ["switches a solid line to dotted", solid("ceo", "cto"), "dotted", 1],
    ["switches a dotted line to solid", dotted("cto", "cio"), "solid", 1],
    ["does nothing when the kind is already right", solid("ceo", "cto"), "solid", 0],
  ])("%s", (_, line, kind, count) => {
    const operations = lineKindOperations(document, line, kind);
    expect(operations).toHaveLength(count);
    if (count > 0) expect(applies(operations).reportingLines).toContainEqual({ ...line, kind });
  });

  it("does nothing when the other kind already exists between the two", () => {
    const both: ChartDocument = {
      ...document,
      reportingLines: [...document.reportingLines, dotted("ceo", "cto")],
    };
    expect(lineKindOperations(both, solid("ceo", "cto"), "dotted")).toEqual([]);
  });
});

describe("deleteOperations", () => {
  it("removes lines first and skips lines that go with a removed role", () => {
    const operations = deleteOperations(["cio"], [solid("ceo", "cio"), solid("ceo", "cto")]);
    expect(operations).toEqual([
      { op: "removeLine", line: solid("ceo", "cto") },
      { op: "removeRole", id: "cio" },
    ]);
    const after = applies(operations);
    expect(after.roles.map((role) => role.id)).toEqual(["ceo", "cto"]);
    expect(after.reportingLines).toEqual([]);
  });

  it("removes nothing for an empty selection", () => {
    expect(deleteOperations([], [])).toEqual([]);
  });
});

describe("autoLayoutOperations", () => {
  it("moves only roles whose position differs from the layout", () => {
    const layout = new Map([
      ["ceo", { x: 0, y: 0 }],
      ["cio", { x: 12.3, y: 200 }],
      ["cto", { x: 300, y: 200 }],
    ]);
    expect(autoLayoutOperations(document, layout)).toEqual([
      { op: "moveRole", id: "cio", position: { x: 12, y: 200 } },
      { op: "moveRole", id: "cto", position: { x: 300, y: 200 } },
    ]);
  });
});

describe("pinOperations", () => {
  it("stores the computed places of roles that have none", () => {
    expect(pinOperations(new Map([["cto", { x: 1.6, y: 2 }]]))).toEqual([
      { op: "moveRole", id: "cto", position: { x: 2, y: 2 } },
    ]);
  });
});

describe("roleEditOperations", () => {
  const role: Role = { id: "cio", title: "CIO", holder: "Alex", department: "IT" };
  it.each<[string, { title: string; holder: string; department: string }, object | null]>([
    ["nothing when nothing changed", { title: "CIO", holder: "Alex", department: "IT" }, null],
    [
      "nothing for blanks around the same text",
      { title: " CIO ", holder: "Alex ", department: " IT" },
      null,
    ],
    [
      "a new title",
      { title: "Chief Information Officer", holder: "Alex", department: "IT" },
      { title: "Chief Information Officer" },
    ],
    ["no title change for a blank title", { title: "  ", holder: "Alex", department: "IT" }, null],
    [
      "vacant for a blank holder",
      { title: "CIO", holder: " ", department: "IT" },
      { holder: null },
    ],
    ["a new holder", { title: "CIO", holder: "Sam Lee", department: "IT" }, { holder: "Sam Lee" }],
    [
      "no department for a blank one",
      { title: "CIO", holder: "Alex", department: "" },
      { department: null },
    ],
  ])("gives %s", (_, draft, changes) => {
    const operations = roleEditOperations(role, draft);
    expect(operations).toEqual(changes === null ? [] : [{ op: "updateRole", id: "cio", changes }]);
  });

  it("names a holder for a vacant role", () => {
    expect(
      roleEditOperations(
        { id: "x", title: "X", holder: null },
        { title: "X", holder: "Jo", department: "" },
      ),
    ).toEqual([{ op: "updateRole", id: "x", changes: { holder: "Jo" } }]);
  });
});
