import type { ChartDocument } from "@rolemap/contract";
import { buildLayoutForest } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { generatedChart, templateChart } from "../testing/charts";
import { BRANCH_ROLES, MAX_BRANCH_SLIDES, planBranches } from "./branch-plan";

const plan = (document: ChartDocument) => planBranches(buildLayoutForest(document));

describe("planBranches", () => {
  it("plans nothing for a chart the overview shows whole", () => {
    expect(plan(templateChart())).toEqual([]);
    expect(plan(generatedChart(BRANCH_ROLES))).toEqual([]);
  });

  it("gives a 1,000-role chart tens of slides, each within the limit, every role on one", () => {
    const branches = plan(generatedChart(1_000, 0));
    expect(branches.length).toBeGreaterThanOrEqual(10);
    expect(branches.length).toBeLessThanOrEqual(MAX_BRANCH_SLIDES);
    const seen = new Set<number>();
    for (const branch of branches) {
      expect(branch.roles.length).toBeLessThanOrEqual(BRANCH_ROLES);
      if (branch.head >= 0) expect(branch.roles[0]).toBe(branch.head);
      for (const role of branch.roles) seen.add(role);
    }
    expect(seen.size).toBe(1_000);
  });

  it("shows each slide's roles under their head: every role's manager is on the slide", () => {
    const document = generatedChart(600, 0);
    const forest = buildLayoutForest(document);
    for (const branch of planBranches(forest)) {
      const on = new Set(branch.roles);
      for (const role of branch.roles.slice(1))
        expect(on.has(forest.parent[role] ?? -1)).toBe(true);
    }
  });

  it("numbers the parts of a head's slides", () => {
    const branches = plan(generatedChart(1_000, 0));
    const slides = new Map<number, number>();
    for (const branch of branches) slides.set(branch.head, (slides.get(branch.head) ?? 0) + 1);
    const busiest = [...slides].sort((a, b) => b[1] - a[1])[0]?.[0];
    const root = branches.filter((branch) => branch.head === busiest);
    expect(root.length).toBeGreaterThan(1);
    expect(root.map((branch) => branch.part)).toEqual(root.map((_, i) => i + 1));
    for (const branch of root) expect(branch.parts).toBe(root.length);
  });

  it("makes branches larger rather than the deck longer for a huge chart", () => {
    const branches = plan(generatedChart(6_000, 0));
    expect(branches.length).toBeLessThanOrEqual(MAX_BRANCH_SLIDES);
    expect(new Set(branches.flatMap((branch) => branch.roles)).size).toBe(6_000);
  });

  it("puts several top-level roles side by side under no head", () => {
    const document = generatedChart(120, 0);
    const detached: ChartDocument = {
      ...document,
      reportingLines: document.reportingLines.filter((line) => line.manager !== "r0"),
    };
    const branches = plan(detached);
    expect(branches.some((branch) => branch.head === -1)).toBe(true);
    expect(new Set(branches.flatMap((branch) => branch.roles)).size).toBe(120);
  });
});
