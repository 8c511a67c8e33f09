import { ChartSummarySchema } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { summariseChart } from "./summarise";
import { sketchChart } from "./testing/chart-builder";

describe("summariseChart", () => {
  const chart = sketchChart({
    roles: ["ceo", "cio", "cto", "eng1", "eng2"],
    vacant: ["cto"],
    solid: ["ceo>cio", "ceo>cto", "cto>eng1", "cto>eng2"],
    dotted: ["cio>eng1"],
    responsibilities: ["a", "b"],
    assign: ["cio:a:A", "cio:b:A", "eng1:a:R", "eng2:b:R", "cto:b:C"],
  });
  const summary = summariseChart(chart);

  it("counts the chart", () => {
    expect(summary).toMatchObject({
      roles: 5,
      vacantRoles: 1,
      solidLines: 4,
      dottedLines: 1,
      responsibilities: 2,
      assignments: 5,
    });
  });

  it("counts findings per severity and category", () => {
    // eng2 reports to cto, not cio (warning); ceo and cto own nothing (info).
    expect(summary.findings).toEqual({
      total: 3,
      bySeverity: { error: 0, warning: 1, info: 2 },
      byCategory: { gap: 2, overlap: 0, structure: 0, load: 0, authority: 1 },
    });
  });

  it("lists span of control widest first", () => {
    expect(summary.spanOfControl).toEqual([
      { role: "ceo", reports: 2 },
      { role: "cto", reports: 2 },
    ]);
  });

  it("lists accountability load per role in document order", () => {
    expect(summary.accountability).toEqual([
      { role: "ceo", accountable: 0, responsible: 0 },
      { role: "cio", accountable: 2, responsible: 0 },
      { role: "cto", accountable: 0, responsible: 0 },
      { role: "eng1", accountable: 0, responsible: 1 },
      { role: "eng2", accountable: 0, responsible: 1 },
    ]);
  });

  it("answers the contract's summary shape", () => {
    expect(ChartSummarySchema.parse(summary)).toEqual(summary);
  });
});
