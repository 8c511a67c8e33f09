import type { ChartDocument } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { describeTarget, selectionOfTarget, targetKey, targetOfSelection } from "./comment-targets";

const DOCUMENT: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Acme",
  roles: [{ id: "cto", title: "CTO", holder: null }],
  reportingLines: [],
  responsibilities: [{ id: "budget", name: "Budget" }],
  assignments: [],
};

describe("targetKey", () => {
  it.each([
    [{ chart: true as const }, "chart"],
    [{ role: "cto" }, "role:cto"],
    [{ responsibility: "budget" }, "row:budget"],
    [{ role: "cto", responsibility: "budget" }, "cell:cto budget"],
  ])("%j is %s", (target, key) => {
    expect(targetKey(target)).toBe(key);
  });
});

describe("targetOfSelection", () => {
  it.each([
    [{ roles: ["cto"], responsibilities: [], origin: "canvas" }, { role: "cto" }],
    [{ roles: [], responsibilities: ["budget"], origin: "matrix" }, { responsibility: "budget" }],
    [
      { roles: ["cto"], responsibilities: ["budget"], origin: "matrix" },
      { role: "cto", responsibility: "budget" },
    ],
    // A role and a row selected apart (not a cell): no one target.
    [{ roles: ["cto"], responsibilities: ["budget"], origin: "findings" }, null],
    [{ roles: ["cto", "cio"], responsibilities: [], origin: "canvas" }, null],
    [{ roles: [], responsibilities: [], origin: null }, null],
  ])("%j → %j", (selection, target) => {
    expect(targetOfSelection(selection)).toEqual(target);
  });

  it("is the inverse of selectionOfTarget", () => {
    const target = { role: "cto", responsibility: "budget" };
    expect(targetOfSelection({ ...selectionOfTarget(target), origin: "matrix" })).toEqual(target);
  });
});

describe("describeTarget", () => {
  it.each([
    [{ chart: true as const }, { name: "the chart", isRemoved: false }],
    [{ role: "cto" }, { name: "CTO", isRemoved: false }],
    [
      { role: "cto", responsibility: "budget" },
      { name: "CTO · Budget", isRemoved: false },
    ],
    [{ role: "gone" }, { name: "a removed role", isRemoved: true }],
    [
      { role: "cto", responsibility: "gone" },
      { name: "a removed row", isRemoved: true },
    ],
    [{ responsibility: "gone" }, { name: "a removed row", isRemoved: true }],
  ])("%j → %j", (target, name) => {
    expect(describeTarget(target, DOCUMENT)).toEqual(name);
  });
});
