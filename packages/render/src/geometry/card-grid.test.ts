import { describe, expect, it } from "vitest";
import { CARD } from "../theme";
import type { Cubic } from "./bezier";
import { CardGrid } from "./card-grid";

const line = (x1: number, y1: number, x2: number, y2: number): Cubic => ({
  from: { x: x1, y: y1 },
  c1: { x: x1 + (x2 - x1) / 3, y: y1 + (y2 - y1) / 3 },
  c2: { x: x1 + (2 * (x2 - x1)) / 3, y: y1 + (2 * (y2 - y1)) / 3 },
  to: { x: x2, y: y2 },
});

describe("CardGrid", () => {
  const grid = new CardGrid([
    { x: 0, y: 0 },
    { x: 1000, y: 0 },
    { x: 2000, y: 0 },
  ]);

  it("costs nothing for a curve in the open or along a card's edge", () => {
    expect(grid.cost(line(0, 500, 3000, 500))).toBe(0);
    expect(grid.cost(line(0, CARD.height, CARD.width, CARD.height))).toBe(0);
  });

  it("costs a thousand per card entered, plus the samples inside", () => {
    const across = grid.cost(line(-100, 60, 2400, 60));
    expect(Math.floor(across / 1000)).toBe(3);
    const grazing = grid.cost(line(-100, 60, 100, 60));
    expect(Math.floor(grazing / 1000)).toBe(1);
    expect(grazing).toBeLessThan(grid.cost(line(-100, 60, 240, 60)));
  });

  it("finds cards in every cell they cover, negative coordinates included", () => {
    const spread = new CardGrid([{ x: -300, y: -200 }]);
    expect(spread.cost(line(-290, -190, -60, -80))).toBeGreaterThanOrEqual(1000);
  });
});
