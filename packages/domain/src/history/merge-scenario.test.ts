import type { ChartDocument, Operation } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { applyOperations } from "../edit/apply-operations";
import { sketchChart } from "../testing/chart-builder";
import { mergeScenario } from "./merge-scenario";

const base: ChartDocument = sketchChart({
  roles: ["ceo", "cio", "cto", "ciso"],
  solid: ["ceo>cio", "ceo>cto", "cio>ciso"],
  dotted: ["cto>ciso"],
  responsibilities: ["infra", "sec"],
  names: { infra: "Infrastructure", sec: "Cybersecurity" },
  assign: ["cio:infra:A", "ciso:sec:R", "cio:sec:A"],
  settings: { maxResponsible: 3 },
});

function edit(operations: Operation[], chart = base): ChartDocument {
  const result = applyOperations(chart, operations);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
}

function merged(scenario: Operation[], current: Operation[]) {
  const result = mergeScenario(base, edit(scenario), edit(current));
  if (!result.ok) throw new Error(JSON.stringify(result.conflicts));
  return result;
}

function conflicts(scenario: Operation[], current: Operation[]) {
  const result = mergeScenario(base, edit(scenario), edit(current));
  if (result.ok) throw new Error("expected conflicts");
  return result.conflicts;
}

const managerOf = (document: ChartDocument, id: string) =>
  document.reportingLines
    .filter((line) => line.report === id && line.kind === "solid")
    .map((line) => line.manager);

describe("mergeScenario", () => {
  it("applies the scenario's changes and keeps the original's, when they touch different things", () => {
    const result = merged(
      [
        { op: "moveRole", id: "ciso", manager: "cto" },
        { op: "addAssignment", assignment: { role: "cto", responsibility: "sec", code: "C" } },
      ],
      [
        { op: "updateRole", id: "cio", changes: { title: "Chief Information Officer" } },
        { op: "addResponsibility", responsibility: { id: "budget", name: "Budget" } },
      ],
    );
    const { document, operations } = result;
    expect(managerOf(document, "ciso")).toEqual(["cto"]);
    expect(document.roles.find((role) => role.id === "cio")?.title).toBe(
      "Chief Information Officer",
    );
    expect(document.responsibilities.map((row) => row.id)).toEqual(["infra", "sec", "budget"]);
    expect(document.assignments).toContainEqual({ role: "cto", responsibility: "sec", code: "C" });
    // The operations are the scenario's changes, on the original as it is now.
    const current = edit([
      { op: "updateRole", id: "cio", changes: { title: "Chief Information Officer" } },
      { op: "addResponsibility", responsibility: { id: "budget", name: "Budget" } },
    ]);
    expect(applyOperations(current, operations)).toEqual({ ok: true, document });
  });

  it("takes the same change made on both sides once", () => {
    const same: Operation[] = [
      { op: "updateRole", id: "cio", changes: { title: "Chief Information Officer" } },
      { op: "moveRole", id: "ciso", manager: "cto" },
    ];
    const { document, operations } = merged(same, same);
    expect(document).toEqual(edit(same));
    expect(operations).toEqual([]);
  });

  it("reports both changing a role's title differently, by title", () => {
    expect(
      conflicts(
        [{ op: "updateRole", id: "cio", changes: { title: "Chief Information Officer" } }],
        [{ op: "updateRole", id: "cio", changes: { title: "Head of IT" } }],
      ),
    ).toEqual([
      {
        kind: "role",
        subject: "cio",
        field: "title",
        message:
          'both changed the title of CIO: "Chief Information Officer" in the scenario, "Head of IT" in the original',
      },
    ]);
  });

  it("merges different fields of one role", () => {
    const { document } = merged(
      [{ op: "updateRole", id: "cio", changes: { title: "Chief Information Officer" } }],
      [{ op: "updateRole", id: "cio", changes: { notes: "Interim", holder: null } }],
    );
    expect(document.roles[1]).toEqual({
      id: "cio",
      title: "Chief Information Officer",
      holder: null,
      notes: "Interim",
    });
  });

  it("lets the scenario's place on the canvas win without a conflict", () => {
    const { document } = merged(
      [{ op: "moveRole", id: "cio", position: { x: 1, y: 1 } }],
      [{ op: "moveRole", id: "cio", position: { x: 2, y: 2 } }],
    );
    expect(document.roles[1]?.position).toEqual({ x: 1, y: 1 });
  });

  it("reports a role the scenario removes and the original changed or assigned", () => {
    const removed: Operation[] = [{ op: "removeRole", id: "ciso" }];
    expect(
      conflicts(removed, [{ op: "updateRole", id: "ciso", changes: { holder: "Kim" } }]),
    ).toEqual([
      {
        kind: "role",
        subject: "ciso",
        message: "the scenario removes CISO, which the original has changed since",
      },
    ]);
    expect(
      conflicts(removed, [
        { op: "addAssignment", assignment: { role: "ciso", responsibility: "infra", code: "I" } },
      ]),
    ).toMatchObject([{ kind: "role", subject: "ciso" }]);
  });

  it("reports a row the original removed and the scenario assigned", () => {
    expect(
      conflicts(
        [{ op: "addAssignment", assignment: { role: "cto", responsibility: "sec", code: "C" } }],
        [{ op: "removeResponsibility", id: "sec" }],
      ),
    ).toEqual([
      {
        kind: "responsibility",
        subject: "sec",
        message: "the original no longer has the row Cybersecurity, which the scenario changes",
      },
    ]);
  });

  it("removes a role when the other side only took a line or a code of it away", () => {
    const { document } = merged(
      [{ op: "removeRole", id: "ciso" }],
      [
        { op: "removeLine", line: { manager: "cto", report: "ciso", kind: "dotted" } },
        { op: "removeAssignment", assignment: { role: "ciso", responsibility: "sec", code: "R" } },
      ],
    );
    expect(document.roles.map((role) => role.id)).toEqual(["ceo", "cio", "cto"]);
  });

  it("keeps a report the original moved away from a manager the scenario removes", () => {
    const { document } = merged(
      [{ op: "removeRole", id: "cio" }],
      [{ op: "moveRole", id: "ciso", manager: "cto" }],
    );
    expect(document.roles.map((role) => role.id)).toEqual(["ceo", "cto", "ciso"]);
    expect(managerOf(document, "ciso")).toEqual(["cto"]);
  });

  it("reports both moving a role under different managers", () => {
    expect(
      conflicts(
        [{ op: "moveRole", id: "ciso", manager: "cto" }],
        [{ op: "moveRole", id: "ciso", manager: "ceo" }],
      ),
    ).toEqual([
      {
        kind: "role",
        subject: "ciso",
        field: "manager",
        message: "both moved CISO: under CTO in the scenario, under CEO in the original",
      },
    ]);
  });

  it("merges two sides each taking one of a role's two solid managers away", () => {
    const twoManagers = edit([
      { op: "updateLine", line: { manager: "cto", report: "ciso", kind: "dotted" }, kind: "solid" },
    ]);
    const drop = (manager: string): Operation[] => [
      { op: "removeLine", line: { manager, report: "ciso", kind: "solid" } },
    ];
    const result = mergeScenario(
      twoManagers,
      edit(drop("cio"), twoManagers),
      edit(drop("cto"), twoManagers),
    );
    expect(result.ok && managerOf(result.document, "ciso")).toEqual([]);
  });

  it("reports a move of the scenario that closes a cycle with a move of the original", () => {
    expect(
      conflicts(
        [{ op: "moveRole", id: "cio", manager: "cto" }],
        [{ op: "moveRole", id: "cto", manager: "cio" }],
      ),
    ).toEqual([
      {
        kind: "role",
        subject: "cio",
        field: "manager",
        message: "the scenario puts CIO under CTO, but in the original CTO now reports to CIO",
      },
    ]);
  });

  it("reports both setting a cell differently, with the role and the row", () => {
    const cell = { role: "cio", responsibility: "infra", code: "A" } as const;
    expect(
      conflicts(
        [{ op: "updateAssignment", assignment: cell, code: "R" }],
        [{ op: "addAssignment", assignment: { ...cell, code: "C" } }],
      ),
    ).toEqual([
      {
        kind: "cell",
        subject: "cio/infra",
        message: "both changed CIO on Infrastructure: R in the scenario, A and C in the original",
      },
    ]);
  });

  it("reports both changing one line's kind differently", () => {
    const line = { manager: "cto", report: "ciso", kind: "dotted" } as const;
    expect(
      conflicts([{ op: "removeLine", line }], [{ op: "updateLine", line, kind: "solid" }]),
    ).toContainEqual({
      kind: "line",
      subject: "cto>ciso",
      message:
        "both changed the line from CISO to CTO: no line in the scenario, a solid line in the original",
    });
  });

  it("reports both renaming the chart, and a setting both changed, but merges other settings", () => {
    expect(
      conflicts(
        [{ op: "updateChart", name: "Target", settings: { maxResponsible: 2, maxConsulted: 4 } }],
        [{ op: "updateChart", name: "Plan B", settings: { maxResponsible: 5 } }],
      ),
    ).toEqual([
      {
        kind: "chart",
        subject: "name",
        message: 'both renamed the chart: "Target" in the scenario, "Plan B" in the original',
      },
      {
        kind: "chart",
        subject: "settings",
        field: "maxResponsible",
        message: "both changed the setting maxResponsible: 2 in the scenario, 5 in the original",
      },
    ]);
    const { document } = merged(
      [{ op: "updateChart", settings: { maxResponsible: 3, maxConsulted: 4 } }],
      [{ op: "updateChart", settings: { maxResponsible: 3, maxSpanOfControl: 6 } }],
    );
    expect(document.settings).toEqual({ maxResponsible: 3, maxConsulted: 4, maxSpanOfControl: 6 });
  });

  it("places the scenario's new roles after the role they follow there, in the original's order", () => {
    const { document } = merged(
      [{ op: "addRole", role: { id: "cdo", title: "CDO" }, index: 2 }],
      [{ op: "addRole", role: { id: "cmo", title: "CMO" }, index: 0 }],
    );
    expect(document.roles.map((role) => role.id)).toEqual([
      "cmo",
      "ceo",
      "cio",
      "cdo",
      "cto",
      "ciso",
    ]);
  });

  it("gives the scenario's own operations when both sides appended links", () => {
    const scenarioCell = { role: "cto", responsibility: "infra", code: "C" } as const;
    const { operations, document } = merged(
      [
        { op: "addAssignment", assignment: scenarioCell },
        { op: "moveRole", id: "ciso", manager: "cto" },
      ],
      [
        { op: "addAssignment", assignment: { role: "ceo", responsibility: "sec", code: "I" } },
        { op: "addLine", line: { manager: "ceo", report: "ciso", kind: "dotted" } },
      ],
    );
    expect(operations).toEqual([
      { op: "removeLine", line: { manager: "cio", report: "ciso", kind: "solid" } },
      { op: "addLine", line: { manager: "cto", report: "ciso", kind: "solid" } },
      { op: "addAssignment", assignment: scenarioCell },
    ]);
    expect(document.assignments.slice(-2)).toEqual([
      { role: "ceo", responsibility: "sec", code: "I" },
      scenarioCell,
    ]);
  });

  it("does not change its input", () => {
    const scenario = edit([{ op: "removeRole", id: "cio" }]);
    const current = edit([{ op: "updateRole", id: "cto", changes: { title: "Chief" } }]);
    const copies = structuredClone([base, scenario, current]);
    mergeScenario(base, scenario, current);
    expect([base, scenario, current]).toEqual(copies);
  });
});
