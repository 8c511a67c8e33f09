import type { ChartDocument } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { sketchChart } from "./testing/chart-builder";
import { validateChart } from "./validate";

/** The example document of chart-format.md, verbatim. */
const specExample: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Acme technology leadership",
  roles: [
    { id: "ceo", title: "CEO", holder: "Dana Smith" },
    { id: "cio", title: "CIO", holder: "Alex Ng", department: "IT", position: { x: 0, y: 160 } },
    { id: "cto", title: "CTO", holder: null },
  ],
  reportingLines: [
    { manager: "ceo", report: "cio", kind: "solid" },
    { manager: "ceo", report: "cto", kind: "solid" },
    { manager: "cto", report: "cio", kind: "dotted" },
  ],
  responsibilities: [
    { id: "infra", name: "IT infrastructure management", category: "Operations" },
    { id: "product", name: "Product development", category: "Innovation" },
  ],
  assignments: [
    { role: "cio", responsibility: "infra", code: "A" },
    { role: "cto", responsibility: "product", code: "A" },
  ],
  settings: { maxResponsible: 3, maxConsulted: 4, maxAccountablePerRole: 10, maxSpanOfControl: 8 },
};

const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

describe("validateChart", () => {
  it("finds the spec example's gaps in contract order", () => {
    expect(validateChart(specExample).map((f) => [f.rule, f.roles, f.responsibilities])).toEqual([
      ["raci/no-responsible", [], ["infra"]],
      ["raci/no-responsible", [], ["product"]],
      ["raci/vacant-accountable", ["cto"], ["product"]],
      ["role/no-ownership", ["ceo"], []],
    ]);
  });

  it("returns nothing for a chart with no roles and no responsibilities", () => {
    expect(validateChart(sketchChart({}))).toEqual([]);
  });

  it("returns nothing for a well-formed chart", () => {
    const chart = sketchChart({
      roles: ["ceo", "cio", "cto"],
      solid: ["ceo>cio", "ceo>cto"],
      responsibilities: ["infra", "product"],
      assign: ["ceo:infra:A", "cio:infra:R", "ceo:product:A", "cto:product:R", "cio:product:C"],
    });
    expect(validateChart(chart)).toEqual([]);
  });

  it("orders by severity, then rule id, then first responsibility, then first role", () => {
    const chart = sketchChart({
      roles: ["a", "b", "c"],
      solid: ["a>b", "b>a"],
      responsibilities: ["y", "x"],
      assign: ["c:y:A", "c:x:A", "c:y:C", "b:y:S"],
    });
    const order = validateChart(chart).map(
      (f) => `${f.severity} ${f.rule} ${f.responsibilities[0] ?? "-"} ${f.roles[0] ?? "-"}`,
    );
    expect(order).toEqual([
      "error org/cycle - a",
      "error raci/no-responsible x -",
      "error raci/no-responsible y -",
      "error raci/support-without-responsible y b",
      "warning raci/conflicting-codes y c",
      "info role/no-ownership - a",
      "info role/no-ownership - b",
    ]);
  });

  it("does not mutate its input", () => {
    const frozen = deepFreeze(structuredClone(specExample));
    expect(() => validateChart(frozen)).not.toThrow();
    expect(frozen).toEqual(specExample);
  });

  it("tells roles with the same title apart by holder", () => {
    const chart = sketchChart({
      roles: ["a", "b"],
      responsibilities: ["x"],
      assign: ["a:x:A", "b:x:A"],
    });
    chart.roles = chart.roles.map((role, i) => ({
      ...role,
      title: "Engineering Manager",
      holder: i === 0 ? "Jo" : null,
    }));
    const [finding] = validateChart(chart).filter((f) => f.rule === "raci/multiple-accountable");
    expect(finding?.message).toContain("Engineering Manager (Jo), Engineering Manager (vacant)");
  });
});
