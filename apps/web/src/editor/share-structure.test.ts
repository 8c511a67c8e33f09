import type { ChartDocument } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { chartRecord } from "../test/editor-fixtures";
import { shareStructure } from "./share-structure";

const chart = chartRecord().document;

describe("shareStructure", () => {
  it("returns the previous document for an equal copy (a reload)", () => {
    expect(shareStructure(chart, structuredClone(chart))).toBe(chart);
  });

  it("keeps unchanged arrays and rows, and takes changed ones", () => {
    const next: ChartDocument = structuredClone(chart);
    next.name = "Other";
    const cio = next.roles.find((role) => role.id === "cio");
    if (cio) cio.holder = "Someone else";
    const shared = shareStructure(chart, next);
    expect(shared.name).toBe("Other");
    expect(shared.responsibilities).toBe(chart.responsibilities);
    expect(shared.assignments).toBe(chart.assignments);
    expect(shared.reportingLines).toBe(chart.reportingLines);
    expect(shared.roles).not.toBe(chart.roles);
    for (const [i, role] of shared.roles.entries())
      if (role.id === "cio") expect(role).toEqual({ ...chart.roles[i], holder: "Someone else" });
      else expect(role).toBe(chart.roles[i]);
  });

  it("reuses row objects after a reorder, with a new array", () => {
    const next = { ...chart, responsibilities: [...chart.responsibilities].reverse() };
    const shared = shareStructure(chart, next);
    expect(shared.responsibilities).not.toBe(chart.responsibilities);
    expect(shared.responsibilities[0]).toBe(chart.responsibilities.at(-1));
  });

  it("drops settings that were removed", () => {
    const withSettings = { ...chart, settings: { maxResponsible: 2 } };
    const { settings: _, ...without } = withSettings;
    expect("settings" in shareStructure(withSettings, without)).toBe(false);
  });
});
