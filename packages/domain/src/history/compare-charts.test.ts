import type { ChartDocument, Finding } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { applyOperations } from "../edit/apply-operations";
import { makeFinding } from "../findings";
import { sketchChart } from "../testing/chart-builder";
import { compareCharts, compareFindingLists } from "./compare-charts";

const chart: ChartDocument = sketchChart({
  roles: ["ceo", "cio", "cto", "ciso"],
  solid: ["ceo>cio", "ceo>cto", "cio>ciso"],
  dotted: ["cto>ciso"],
  responsibilities: ["infra", "product", "sec"],
  names: { infra: "Infrastructure", product: "Product delivery", sec: "Cybersecurity" },
  assign: ["cio:infra:A", "cto:product:A", "ciso:sec:R", "cio:sec:A", "cto:sec:A"],
  settings: { maxResponsible: 3 },
});

function edited(operations: Parameters<typeof applyOperations>[1]): ChartDocument {
  const result = applyOperations(chart, operations);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
}

const finding = (
  rule: Finding["rule"],
  roles: string[],
  responsibilities: string[],
  message = "",
) => makeFinding(rule, roles, responsibilities, message);

describe("compareCharts", () => {
  it("finds nothing between a chart and itself", () => {
    expect(compareCharts(chart, structuredClone(chart))).toEqual({
      roles: { added: [], removed: [], changed: [], moved: [] },
      lines: { added: [], removed: [], changed: [] },
      responsibilities: { added: [], removed: [], changed: [] },
      cells: { added: [], removed: [] },
      findings: { fixed: [], new: [] },
      chart: { fields: {} },
    });
  });

  it("lists added and removed roles with their titles, sorted by id", () => {
    const b = edited([
      { op: "addRole", role: { id: "cdo", title: "CDO" } },
      { op: "addRole", role: { id: "cao", title: "CAO" } },
      { op: "removeRole", id: "cto" },
    ]);
    const { roles } = compareCharts(chart, b);
    expect(roles.added).toEqual([
      { id: "cao", title: "CAO" },
      { id: "cdo", title: "CDO" },
    ]);
    expect(roles.removed).toEqual([{ id: "cto", title: "CTO" }]);
  });

  it("lists changed fields as [old, new] with null for absent, but not the position", () => {
    const b = edited([
      {
        op: "updateRole",
        id: "cio",
        changes: { title: "Chief Information Officer", notes: "Interim" },
      },
      { op: "updateRole", id: "ceo", changes: { holder: null, position: { x: 5, y: 5 } } },
      { op: "moveRole", id: "cto", position: { x: 10, y: 0 } },
    ]);
    expect(compareCharts(chart, b).roles.changed).toEqual([
      { id: "ceo", title: "CEO", fields: { holder: ["Holder of ceo", null] } },
      {
        id: "cio",
        title: "Chief Information Officer",
        fields: { title: ["CIO", "Chief Information Officer"], notes: [null, "Interim"] },
      },
    ]);
  });

  it("sees no change between a null, a missing and a blank holder", () => {
    const vacant = sketchChart({ roles: ["cio"], vacant: ["cio"] });
    const { holder: _, ...missing } = vacant.roles[0] as ChartDocument["roles"][number];
    expect(compareCharts(vacant, { ...vacant, roles: [missing] }).roles.changed).toEqual([]);
    expect(
      compareCharts(vacant, { ...vacant, roles: [{ ...missing, holder: "  " }] }).roles.changed,
    ).toEqual([]);
  });

  it("lists a new solid-line manager as a move, from and to, and a top role as null", () => {
    const b = edited([
      { op: "moveRole", id: "ciso", manager: "cto" },
      { op: "moveRole", id: "cio", manager: null },
    ]);
    const { roles, lines } = compareCharts(chart, b);
    expect(roles.moved).toEqual([
      { id: "cio", title: "CIO", from: "ceo", to: null },
      { id: "ciso", title: "CISO", from: "cio", to: "cto" },
    ]);
    expect(lines.removed).toEqual([
      { manager: "ceo", report: "cio", kind: "solid" },
      { manager: "cio", report: "ciso", kind: "solid" },
    ]);
    expect(lines.added).toEqual([{ manager: "cto", report: "ciso", kind: "solid" }]);
  });

  it("lists one kind for the other on the same pair as a changed line", () => {
    const b = edited([
      { op: "updateLine", line: { manager: "cto", report: "ciso", kind: "dotted" }, kind: "solid" },
    ]);
    const { lines, roles } = compareCharts(chart, b);
    expect(lines).toEqual({
      added: [],
      removed: [],
      changed: [{ manager: "cto", report: "ciso", from: "dotted", to: "solid" }],
    });
    // A second solid manager is a move too, to the manager it gained.
    expect(roles.moved).toEqual([{ id: "ciso", title: "CISO", from: "cio", to: "cto" }]);
  });

  it("lists a second kind on a pair as an added line", () => {
    const b = edited([{ op: "addLine", line: { manager: "cto", report: "ciso", kind: "solid" } }]);
    expect(compareCharts(chart, b).lines.added).toEqual([
      { manager: "cto", report: "ciso", kind: "solid" },
    ]);
  });

  it("lists responsibilities added, removed and changed", () => {
    const b = edited([
      { op: "addResponsibility", responsibility: { id: "budget", name: "Budget" } },
      { op: "removeResponsibility", id: "product" },
      { op: "updateResponsibility", id: "sec", changes: { category: "Risk" } },
      { op: "moveResponsibility", id: "infra", index: 1 },
    ]);
    expect(compareCharts(chart, b).responsibilities).toEqual({
      added: [{ id: "budget", name: "Budget" }],
      removed: [{ id: "product", name: "Product delivery" }],
      changed: [{ id: "sec", name: "Cybersecurity", fields: { category: [null, "Risk"] } }],
    });
  });

  it("lists cells added and removed, a new code as one of each", () => {
    const b = edited([
      {
        op: "updateAssignment",
        assignment: { role: "cio", responsibility: "sec", code: "A" },
        code: "C",
      },
      { op: "addAssignment", assignment: { role: "ceo", responsibility: "infra", code: "I" } },
    ]);
    expect(compareCharts(chart, b).cells).toEqual({
      added: [
        { role: "ceo", responsibility: "infra", code: "I" },
        { role: "cio", responsibility: "sec", code: "C" },
      ],
      removed: [{ role: "cio", responsibility: "sec", code: "A" }],
    });
  });

  it("lists the chart's name and each setting that changed", () => {
    const b = edited([{ op: "updateChart", name: "Target", settings: { maxConsulted: 4 } }]);
    expect(compareCharts(chart, b).chart.fields).toEqual({
      name: ["Test chart", "Target"],
      "settings.maxResponsible": [3, null],
      "settings.maxConsulted": [null, 4],
    });
  });

  it("tells the findings a change fixes from the ones it opens", () => {
    // Two accountable roles on Cybersecurity; the scenario drops one and leaves Budget without any.
    const b = edited([
      { op: "removeAssignment", assignment: { role: "cto", responsibility: "sec", code: "A" } },
      { op: "addResponsibility", responsibility: { id: "budget", name: "Budget" } },
    ]);
    const { findings } = compareCharts(chart, b);
    expect(findings.fixed.map((f) => [f.rule, f.responsibilities])).toContainEqual([
      "raci/multiple-accountable",
      ["sec"],
    ]);
    expect(findings.new.map((f) => [f.rule, f.responsibilities])).toContainEqual([
      "raci/no-accountable",
      ["budget"],
    ]);
    expect(findings.fixed.some((f) => f.responsibilities.includes("budget"))).toBe(false);
  });

  it("matches a finding whose message changed with a renamed role as the same finding", () => {
    const b = edited([
      { op: "updateRole", id: "cto", changes: { title: "Chief Technology Officer" } },
    ]);
    expect(compareCharts(chart, b).findings).toEqual({ fixed: [], new: [] });
  });

  it("uses the findings it is given", () => {
    const given = { a: [finding("raci/no-accountable", [], ["x"])], b: [] };
    expect(compareCharts(chart, chart, given).findings).toEqual({ fixed: given.a, new: [] });
  });

  it("does not change its input", () => {
    const a = structuredClone(chart);
    const b = edited([{ op: "removeRole", id: "cio" }]);
    const copy = structuredClone(b);
    compareCharts(a, b);
    expect(a).toEqual(chart);
    expect(b).toEqual(copy);
  });
});

describe("compareFindingLists", () => {
  it("matches by rule and sorted ids, not by message, and counts repeats", () => {
    const same = finding("role/no-ownership", ["b", "a"], [], "CIO owns nothing");
    const renamed = finding("role/no-ownership", ["a", "b"], [], "Chief owns nothing");
    const other = finding("raci/no-accountable", [], ["x"]);
    expect(compareFindingLists([same, same, other], [renamed])).toEqual({
      fixed: [same, other],
      new: [],
    });
  });
});
