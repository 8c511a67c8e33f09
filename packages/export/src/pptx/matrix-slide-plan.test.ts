import { describe, expect, it } from "vitest";
import { buildMatrixGrid } from "../matrix/matrix-grid";
import { generatedChart } from "../testing/charts";
import { estimateLines, planMatrixSlides } from "./matrix-slide-plan";
import { MIN_ROLE_COLUMN, RESPONSIBILITY_COLUMN, TABLE_FRAME } from "./slide-layout";

describe("estimateLines", () => {
  it("counts one line for short text and more as words wrap", () => {
    expect(estimateLines("Budget", 3.3, 10)).toBe(1);
    expect(estimateLines("", 3.3, 10)).toBe(1);
    const long = "word ".repeat(40);
    expect(estimateLines(long, 3.3, 10)).toBeGreaterThan(3);
    expect(estimateLines(long, 6.6, 10)).toBeLessThan(estimateLines(long, 3.3, 10));
  });

  it("breaks a word longer than the line", () => {
    expect(estimateLines("x".repeat(100), 1, 10)).toBeGreaterThan(3);
  });
});

describe("planMatrixSlides", () => {
  it("keeps a small matrix on one slide", () => {
    const grid = buildMatrixGrid(generatedChart(5, 4));
    const plans = planMatrixSlides(grid);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.roles).toEqual({ start: 0, end: 5 });
    expect(plans[0]?.rows).toEqual({ start: 0, end: 4 });
  });

  it("covers every role and responsibility exactly once, each part within the slide", () => {
    const grid = buildMatrixGrid(generatedChart(47, 90));
    const plans = planMatrixSlides(grid);
    const cells = new Set<string>();
    for (const plan of plans) {
      const width = plan.columnWidths.reduce((sum, w) => sum + w, 0);
      expect(width).toBeLessThanOrEqual(TABLE_FRAME.width + 1e-9);
      expect(plan.columnWidths[0]).toBe(RESPONSIBILITY_COLUMN);
      for (const w of plan.columnWidths.slice(1)) expect(w).toBeGreaterThanOrEqual(MIN_ROLE_COLUMN);
      const height = plan.rowHeights.reduce((sum, h) => sum + h, 0);
      expect(height).toBeLessThanOrEqual(TABLE_FRAME.height + 1e-9);
      expect(plan.rowHeights).toHaveLength(1 + plan.rows.end - plan.rows.start);
      for (let r = plan.rows.start; r < plan.rows.end; r++)
        for (let c = plan.roles.start; c < plan.roles.end; c++) {
          const key = `${r}:${c}`;
          expect(cells.has(key)).toBe(false);
          cells.add(key);
        }
    }
    expect(cells.size).toBe(47 * 90);
  });

  it("splits roles into even groups", () => {
    const plans = planMatrixSlides(buildMatrixGrid(generatedChart(11, 3)));
    expect(plans.map((plan) => plan.roles)).toEqual([
      { start: 0, end: 6 },
      { start: 6, end: 11 },
    ]);
  });

  it("plans one slide for a matrix without responsibilities or roles", () => {
    expect(planMatrixSlides(buildMatrixGrid(generatedChart(3, 0)))).toHaveLength(1);
    expect(planMatrixSlides(buildMatrixGrid(generatedChart(0, 3)))).toHaveLength(1);
  });
});
