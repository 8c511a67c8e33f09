import { EDITOR_LAYOUT_OPTIONS } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { pathPoints } from "../testing/svg-structure";
import { solidConnector } from "./connectors";

const { nodeWidth: W, nodeHeight: H, verticalGap, stackIndent, stackGap } = EDITOR_LAYOUT_OPTIONS;
const ROW = H + verticalGap;

/** The first and last point of a path. */
const ends = (d: string) => {
  const points = pathPoints(d);
  return [points[0], points[points.length - 1]];
};

describe("solidConnector", () => {
  it("runs from the manager's bottom centre to the report's top centre, bending at half height", () => {
    const { d, bounds } = solidConnector({ x: 0, y: 0 }, { x: 600, y: ROW }, false);
    expect(ends(d)).toEqual([
      [W / 2, H],
      [600 + W / 2, ROW],
    ]);
    const middle = (H + ROW) / 2;
    expect(d).toContain(`Q${W / 2} ${middle}`);
    expect(d).toContain(`Q${600 + W / 2} ${middle}`);
    expect([bounds.left, bounds.top, bounds.right, bounds.bottom]).toEqual([
      W / 2,
      H,
      600 + W / 2,
      ROW,
    ]);
  });

  it("is a straight line when the report is right below", () => {
    expect(solidConnector({ x: 10, y: 0 }, { x: 10, y: ROW }, false).d).toBe(
      `M${10 + W / 2} ${H}L${10 + W / 2} ${(H + ROW) / 2}L${10 + W / 2} ${(H + ROW) / 2}L${10 + W / 2} ${ROW}`,
    );
  });

  it("comes into a stacked report from the side, down the manager's centre line", () => {
    const report = { x: W / 2 + stackIndent, y: ROW + H + stackGap };
    const { d } = solidConnector({ x: 0, y: 0 }, report, true);
    expect(ends(d)).toEqual([
      [W / 2, H],
      [report.x, report.y + H / 2],
    ]);
    // A card of an ordinary row in the same place keeps its line from the top.
    expect(ends(solidConnector({ x: 0, y: 0 }, report, false).d)[1]).toEqual([
      report.x + W / 2,
      report.y,
    ]);
    for (const [x, y] of pathPoints(d)) {
      // Down the spine, then right into the card: never inside another column.
      expect(x).toBeGreaterThanOrEqual(W / 2);
      expect(x).toBeLessThanOrEqual(report.x);
      expect(y).toBeLessThanOrEqual(report.y + H / 2);
    }
  });

  it("goes round beside the cards to a report placed above its manager", () => {
    const manager = { x: 0, y: ROW };
    const report = { x: 100, y: 0 };
    const { d, bounds } = solidConnector(manager, report, false);
    expect(ends(d)).toEqual([
      [W / 2, ROW + H],
      [100 + W / 2, 0],
    ]);
    // Left of both cards: it does not cross either of them.
    expect(bounds.left).toBeLessThan(0);
    for (const [x, y] of pathPoints(d)) {
      const insideManager = x > 0 && x < W && y > ROW && y < ROW + H;
      const insideReport = x > 100 && x < 100 + W && y > 0 && y < H;
      expect(insideManager || insideReport).toBe(false);
    }
  });
});
