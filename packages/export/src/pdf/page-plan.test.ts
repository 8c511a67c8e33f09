import { describe, expect, it } from "vitest";
import {
  contentBox,
  fitScale,
  MAX_SCALE,
  PAPER,
  planOverview,
  planPdfPages,
  READABLE_SCALE,
  type Rect,
  STRIP_GAP,
  TILE_OVERLAP,
} from "./page-plan";

const a4 = contentBox(PAPER.a4);

describe("planPdfPages", () => {
  it("puts a chart that is readable on one page on one page, centred", () => {
    const chart = { width: 1200, height: 700 };
    const plan = planPdfPages(chart, "a4", "pages");
    if (plan.kind !== "single") throw new Error("expected one page");
    expect(plan.placement.scale).toBeGreaterThanOrEqual(READABLE_SCALE);
    expect(plan.placement.x - a4.x).toBeCloseTo(
      a4.x + a4.width - (plan.placement.x + chart.width * plan.placement.scale),
    );
    expect(plan.placement.y + chart.height * plan.placement.scale).toBeLessThanOrEqual(
      a4.y + a4.height + 1e-9,
    );
  });

  it("does not blow a small chart up past 100% zoom", () => {
    const plan = planPdfPages({ width: 300, height: 200 }, "a3", "pages");
    expect(plan.kind === "single" && plan.placement.scale).toBe(MAX_SCALE);
  });

  it("fits any chart onto one page with fit: one-page", () => {
    const chart = { width: 40_000, height: 3_000 };
    const plan = planPdfPages(chart, "letter", "one-page");
    if (plan.kind !== "single") throw new Error("expected one page");
    const box = contentBox(PAPER.letter);
    expect(chart.width * plan.placement.scale).toBeCloseTo(box.width);
    expect(plan.placement.scale).toBeLessThan(READABLE_SCALE);
  });

  it("splits a large chart into overlapping tiles at a readable scale that cover it", () => {
    const chart = { width: 9_000, height: 2_600 };
    const plan = planPdfPages(chart, "a4", "pages");
    if (plan.kind !== "tiled") throw new Error("expected tiles");
    expect(plan.tileScale).toBeGreaterThanOrEqual(READABLE_SCALE);
    expect(plan.tiles).toHaveLength(plan.rows * plan.columns);
    expect(plan.columns).toBeGreaterThan(1);
    expect(plan.rows).toBeGreaterThan(1);

    const last = plan.tiles.at(-1) as { region: Rect };
    expect(last.region.x + last.region.width).toBeGreaterThanOrEqual(chart.width - 1e-6);
    expect(last.region.y + last.region.height).toBeGreaterThanOrEqual(chart.height - 1e-6);
    // Neighbours share TILE_OVERLAP points of chart.
    const [first, second] = plan.tiles;
    if (first === undefined || second === undefined) throw new Error("expected two tiles");
    const shared = (first.region.x + first.region.width - second.region.x) * plan.tileScale;
    expect(shared).toBeCloseTo(TILE_OVERLAP);
    // Each tile fills the page's content box exactly.
    expect(first.region.width * plan.tileScale).toBeCloseTo(a4.width);
    expect(first.region.height * plan.tileScale).toBeCloseTo(a4.height);
    // Page 1 is the overview; tiles follow row by row.
    expect(plan.tiles.map((tile) => tile.page)).toEqual(plan.tiles.map((_, index) => index + 2));
  });

  it("uses no more tiles than the readable scale needs", () => {
    const chart = { width: 9_000, height: 2_600 };
    const plan = planPdfPages(chart, "a4", "pages");
    if (plan.kind !== "tiled") throw new Error("expected tiles");
    // One column or row fewer could not hold the chart at the readable scale.
    const covers = (count: number, length: number) =>
      count * (length - TILE_OVERLAP) + TILE_OVERLAP >= chart.width * READABLE_SCALE;
    expect(covers(plan.columns, a4.width)).toBe(true);
    expect(covers(plan.columns - 1, a4.width)).toBe(false);
    const coversHeight = (count: number) =>
      count * (a4.height - TILE_OVERLAP) + TILE_OVERLAP >= chart.height * READABLE_SCALE;
    expect(coversHeight(plan.rows)).toBe(true);
    expect(coversHeight(plan.rows - 1)).toBe(false);
  });

  it("gives blank tiles no page and numbers the others without gaps", () => {
    const chart = { width: 9_000, height: 2_600 };
    const blankRight = (region: Rect) => region.x > chart.width / 2;
    const plan = planPdfPages(chart, "a4", "pages", blankRight);
    if (plan.kind !== "tiled") throw new Error("expected tiles");
    const pages = plan.tiles.flatMap((tile) => (tile.page === null ? [] : [tile.page]));
    expect(pages).toEqual(pages.map((_, index) => index + 2));
    expect(plan.tiles.some((tile) => tile.page === null)).toBe(true);
    for (const tile of plan.tiles) expect(tile.page === null).toBe(blankRight(tile.region));
  });

  it("uses bigger tiles on bigger paper", () => {
    const chart = { width: 9_000, height: 2_600 };
    const count = (page: "a4" | "a3") => {
      const plan = planPdfPages(chart, page, "pages");
      return plan.kind === "tiled" ? plan.tiles.length : 1;
    };
    expect(count("a3")).toBeLessThan(count("a4"));
  });
});

describe("planOverview", () => {
  it("shows a chart no wider than the page whole and centred", () => {
    const chart = { width: 3_000, height: 2_600 };
    const [strip, ...more] = planOverview(chart, a4, 4, 800);
    expect(more).toHaveLength(0);
    expect(strip?.columns).toEqual({ start: 0, end: 4 });
    expect(strip?.placement.scale).toBeCloseTo(fitScale(chart, a4));
  });

  it("cuts a very wide chart into strips of whole tile columns, larger than one band", () => {
    const chart = { width: 72_000, height: 2_400 };
    const columns = 43;
    const step = chart.width / columns;
    const strips = planOverview(chart, a4, columns, step);
    expect(strips.length).toBeGreaterThan(1);
    const scale = strips[0]?.placement.scale ?? 0;
    expect(scale).toBeGreaterThan(2 * fitScale(chart, a4));
    let next = 0;
    for (const { columns: range, region, placement } of strips) {
      expect(range.start).toBe(next);
      next = range.end;
      expect(region.x).toBeCloseTo(range.start * step);
      expect(placement.x).toBe(a4.x);
      expect(placement.x + region.width * scale).toBeLessThanOrEqual(a4.x + a4.width + 1e-6);
      expect(placement.y).toBeGreaterThanOrEqual(a4.y - 1e-6);
      expect(placement.y + region.height * scale).toBeLessThanOrEqual(a4.y + a4.height + 1e-6);
    }
    expect(next).toBe(columns);
    const [first, second] = strips;
    expect((second?.placement.y ?? 0) - (first?.placement.y ?? 0)).toBeCloseTo(
      chart.height * scale + STRIP_GAP,
    );
    const covered = strips.reduce((sum, strip) => sum + strip.region.width, 0);
    expect(covered).toBeCloseTo(chart.width);
  });
});
