import type { ChartDocument, Operation } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { EDIT_CHART } from "../testing/edit-fixtures";
import { applyOperations } from "./apply-operations";
import { operationsBetween } from "./operations-between";

const before: ChartDocument = EDIT_CHART;
const [ceo, cio, cto, ciso] = before.roles as [
  ChartDocument["roles"][number],
  ChartDocument["roles"][number],
  ChartDocument["roles"][number],
  ChartDocument["roles"][number],
];

/** The operations from `before` to `after`, checked to give `after` exactly. */
function between(after: ChartDocument): Operation[] {
  const operations = operationsBetween(before, after);
  const result = applyOperations(before, operations);
  expect(result).toEqual({ ok: true, document: after });
  return operations;
}

describe("operationsBetween", () => {
  it("gives no operation between a chart and itself", () => {
    expect(between(before)).toStrictEqual([]);
  });

  it("updates only the fields that changed, clearing the ones that went", () => {
    const after = {
      ...before,
      roles: [{ ...ceo, department: "IT" }, cio, { ...cto, title: "Chief" }, ciso],
    };
    expect(between(after)).toStrictEqual([
      { op: "updateRole", id: "ceo", changes: { department: "IT" } },
      { op: "updateRole", id: "cto", changes: { title: "Chief" } },
    ]);
    const { department: _, ...plain } = after.roles[0] as typeof ceo;
    expect(
      operationsBetween(after, { ...after, roles: [plain, ...after.roles.slice(1)] }),
    ).toStrictEqual([{ op: "updateRole", id: "ceo", changes: { department: null } }]);
  });

  it("removes and adds again a role whose holder becomes absent, with its lines and assignments", () => {
    const { holder: _, ...noHolder } = cio;
    const operations = between({ ...before, roles: [ceo, noHolder, cto, ciso] });
    expect(operations.slice(0, 2)).toStrictEqual([
      { op: "removeRole", id: "cio" },
      { op: "addRole", role: noHolder, index: 1 },
    ]);
  });

  it("removes and adds again the one role out of order", () => {
    const operations = between({ ...before, roles: [ceo, cto, ciso, cio] });
    expect(operations.filter((op) => op.op.endsWith("Role"))).toStrictEqual([
      { op: "removeRole", id: "cio" },
      { op: "addRole", role: cio, index: 3 },
    ]);
  });

  it("moves the one responsibility out of order", () => {
    const [infra, product, sec] = before.responsibilities;
    expect(
      between({
        ...before,
        responsibilities: [product, sec, infra] as typeof before.responsibilities,
      }),
    ).toStrictEqual([{ op: "moveResponsibility", id: "infra", index: 2 }]);
  });

  it("changes a line's kind and an assignment's code with one update each", () => {
    const after: ChartDocument = {
      ...before,
      reportingLines: [
        ...before.reportingLines.slice(0, 3),
        { manager: "cto", report: "ciso", kind: "solid" },
      ],
      assignments: [
        ...before.assignments.slice(0, 3),
        { role: "cio", responsibility: "sec", code: "C" },
      ],
    };
    expect(between(after)).toStrictEqual([
      { op: "updateLine", line: { manager: "cto", report: "ciso", kind: "dotted" }, kind: "solid" },
      {
        op: "updateAssignment",
        assignment: { role: "cio", responsibility: "sec", code: "A" },
        code: "C",
      },
    ]);
  });

  it("removes and appends again the rows that come out of order", () => {
    const [first, ...rest] = before.assignments;
    expect(
      between({ ...before, assignments: [...rest, first] as typeof before.assignments }),
    ).toStrictEqual([
      { op: "removeAssignment", assignment: first },
      { op: "addAssignment", assignment: first },
    ]);
  });

  it("renames and drops the settings in one updateChart", () => {
    const { settings: _, ...withoutSettings } = before;
    expect(between({ ...withoutSettings, name: "Renamed" })).toStrictEqual([
      { op: "updateChart", name: "Renamed", settings: null },
    ]);
  });

  it("builds a whole chart from an empty one", () => {
    const empty: ChartDocument = {
      ...before,
      roles: [],
      reportingLines: [],
      responsibilities: [],
      assignments: [],
    };
    const operations = operationsBetween(empty, before);
    expect(applyOperations(empty, operations)).toEqual({ ok: true, document: before });
  });

  it("does not mutate its input", () => {
    const after = { ...before, roles: [ciso, cto, cio, ceo] };
    const copies = structuredClone([before, after]);
    operationsBetween(before, after);
    expect([before, after]).toStrictEqual(copies);
  });
});
