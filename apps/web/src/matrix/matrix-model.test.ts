import type { ChartDocument, Finding } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { buildMatrixModel, cellKey, codesAt, countsOf, moreSevere } from "./matrix-model";

const document: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Test",
  roles: [
    { id: "ceo", title: "CEO", holder: "Dana" },
    { id: "cio", title: "CIO", holder: "Alex", department: "IT" },
    { id: "cto", title: "CTO", holder: null },
  ],
  reportingLines: [
    { manager: "ceo", report: "cio", kind: "solid" },
    { manager: "ceo", report: "cto", kind: "solid" },
  ],
  responsibilities: [
    { id: "sec", name: "Cybersecurity", category: "Security" },
    { id: "infra", name: "Infrastructure" },
  ],
  assignments: [
    { role: "cio", responsibility: "sec", code: "R" },
    { role: "cio", responsibility: "sec", code: "A" },
    { role: "cto", responsibility: "sec", code: "A" },
    { role: "ceo", responsibility: "sec", code: "I" },
  ],
};

const finding = (overrides: Partial<Finding>): Finding => ({
  rule: "raci/no-accountable",
  category: "gap",
  severity: "error",
  roles: [],
  responsibilities: [],
  message: "m",
  ...overrides,
});

describe("buildMatrixModel", () => {
  const model = buildMatrixModel(document, validateChart(document));

  it("lists rows and columns in document order", () => {
    expect(model.rows.map((row) => [row.id, row.category, row.index])).toEqual([
      ["sec", "Security", 0],
      ["infra", null, 1],
    ]);
    expect(model.columns.map((c) => [c.id, c.isVacant, c.department])).toEqual([
      ["ceo", false, null],
      ["cio", false, "IT"],
      ["cto", true, null],
    ]);
  });

  it("gathers several codes of one role in display order", () => {
    expect(codesAt(model, "cio", "sec")).toEqual(["A", "R"]);
    expect(codesAt(model, "cto", "sec")).toEqual(["A"]);
    expect(codesAt(model, "ceo", "infra")).toEqual([]);
  });

  it("counts the roles holding each code per row", () => {
    expect(countsOf(model, "sec")).toEqual({ R: 1, A: 2, C: 0, I: 1, S: 0 });
    expect(countsOf(model, "infra")).toEqual({ R: 0, A: 0, C: 0, I: 0, S: 0 });
  });

  it("knows which roles hold a code", () => {
    expect([...model.assignedRoles].sort()).toEqual(["ceo", "cio", "cto"]);
  });

  it("marks the cells, rows and roles of each finding with the most severe severity", () => {
    expect(model.cellFindings.get(cellKey("cio", "sec"))?.findings.map((f) => f.rule)).toEqual([
      "raci/multiple-accountable",
    ]);
    expect(model.cellFindings.get(cellKey("cto", "sec"))?.severity).toBe("error");
    expect(model.cellFindings.has(cellKey("ceo", "sec"))).toBe(false);
    expect(
      model.rowFindings
        .get("infra")
        ?.findings.map((f) => f.rule)
        .sort(),
    ).toEqual(["raci/no-accountable", "raci/no-responsible"]);
    // The CTO is vacant and accountable (warning) and one of two accountable roles (error).
    expect(model.roleFindings.get("cto")?.severity).toBe("error");
  });

  it.each([
    [["info", "warning"], "warning"],
    [["warning", "error", "info"], "error"],
    [["info"], "info"],
  ] as const)("tints a cell with findings of %j as %s", (severities, expected) => {
    const findings = severities.map((severity) =>
      finding({ severity, roles: ["cio"], responsibilities: ["sec"] }),
    );
    const marks = buildMatrixModel(document, findings).cellFindings.get(cellKey("cio", "sec"));
    expect(marks?.severity).toBe(expected);
    expect(marks?.findings).toHaveLength(severities.length);
  });

  it("ignores a repeated assignment in the counts", () => {
    const repeated = {
      ...document,
      assignments: [
        ...document.assignments,
        { role: "cio", responsibility: "sec", code: "R" as const },
      ],
    };
    expect(countsOf(buildMatrixModel(repeated, []), "sec").R).toBe(1);
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(document);
    const findings = validateChart(document);
    const findingsCopy = structuredClone(findings);
    buildMatrixModel(document, findings);
    expect(document).toEqual(copy);
    expect(findings).toEqual(findingsCopy);
  });
});

describe("moreSevere", () => {
  it.each([
    ["error", "warning", "error"],
    ["info", "warning", "warning"],
    ["info", "info", "info"],
  ] as const)("between %s and %s picks %s", (a, b, expected) => {
    expect(moreSevere(a, b)).toBe(expected);
    expect(moreSevere(b, a)).toBe(expected);
  });
});
