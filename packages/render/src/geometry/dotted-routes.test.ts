import type { Position } from "@rolemap/contract";
import { EDITOR_LAYOUT_OPTIONS } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { pathPoints } from "../testing/svg-structure";
import { LINES } from "../theme";
import { cubicPath } from "./bezier";
import { CardGrid } from "./card-grid";
import { dottedCandidates, dottedConnector } from "./dotted-routes";

const { nodeWidth: W, nodeHeight: H, verticalGap, stackIndent, stackGap } = EDITOR_LAYOUT_OPTIONS;
const ROW = H + verticalGap;

const ends = (d: string) => {
  const points = pathPoints(d);
  return [points[0], points[points.length - 1]];
};
const route = (manager: Position, report: Position, others: Position[] = []) =>
  dottedConnector(manager, report, new CardGrid([manager, report, ...others])).d;

describe("dottedCandidates", () => {
  it("starts with React Flow's curve into the top edge, off the centre on the manager's side", () => {
    const [first] = dottedCandidates({ x: 0, y: 0 }, { x: 300, y: ROW });
    expect(first && ends(cubicPath(first))).toEqual([
      [W / 2, H],
      [300 + W / 4, ROW],
    ]);
    const [fromRight] = dottedCandidates({ x: 300, y: 0 }, { x: 200, y: ROW });
    expect(fromRight && ends(cubicPath(fromRight))[1]).toEqual([200 + (3 * W) / 4, ROW]);
  });

  it("starts with the right side, as the editor does, when the manager is right of the card", () => {
    const [first] = dottedCandidates({ x: 900, y: 0 }, { x: 0, y: ROW });
    expect(first && ends(cubicPath(first))[1]).toEqual([W, ROW + H / 2]);
  });

  it("starts with a dip under the row, inside a stack's gap, between cards of one row", () => {
    for (const [managerX, reportX, endX] of [
      [1000, 0, (3 * W) / 4],
      [0, 1000, 1000 + W / 4],
    ]) {
      const [first] = dottedCandidates({ x: managerX ?? 0, y: 0 }, { x: reportX ?? 0, y: 0 });
      const d = first === undefined ? "" : cubicPath(first);
      expect(ends(d)).toEqual([
        [(managerX ?? 0) + W / 2, H],
        [endX, H],
      ]);
      for (const [, y] of pathPoints(d)) {
        expect(y).toBeGreaterThanOrEqual(H);
        expect(y + LINES.dottedWidth / 2).toBeLessThan(H + stackGap);
      }
    }
  });
});

describe("dottedConnector", () => {
  it("takes the editor's curve when it crosses no card", () => {
    const d = route({ x: 0, y: 0 }, { x: 300, y: ROW });
    expect(ends(d)[1]).toEqual([300 + W / 4, ROW]);
  });

  it("comes into a stacked card from the side rather than through the card above it", () => {
    const stackX = 600;
    const above = { x: stackX, y: ROW };
    const report = { x: stackX, y: ROW + H + stackGap };
    const d = route({ x: 0, y: 0 }, report, [above]);
    expect(ends(d)[1]).toEqual([stackX, report.y + H / 4]);
    for (const [x, y] of pathPoints(d)) {
      const inAbove =
        x > above.x + 1 && x < above.x + W - 1 && y > above.y + 1 && y < above.y + H - 1;
      expect(inAbove).toBe(false);
    }
  });

  it("goes round the cards between two peers of a row", () => {
    const peers = [1, 2, 3].map((k) => ({ x: k * (W + 32), y: 0 }));
    const d = route({ x: 0, y: 0 }, { x: 4 * (W + 32), y: 0 }, peers);
    for (const [x, y] of pathPoints(d))
      for (const peer of peers)
        expect(x > peer.x + 1 && x < peer.x + W - 1 && y > peer.y + 1 && y < peer.y + H - 1).toBe(
          false,
        );
  });

  it("joins two cards of one stack with a bracket beside the column, through no card", () => {
    const stackX = 400;
    const stack = [0, 1, 2, 3].map((k) => ({ x: stackX, y: ROW + k * (H + stackGap) }));
    const [first, , , last] = stack;
    if (first === undefined || last === undefined) throw new Error("no stack");
    const d = dottedConnector(last, first, new CardGrid(stack)).d;
    expect(ends(d)).toEqual([
      [stackX + W, last.y + H / 2],
      [stackX + W, first.y + H / 2],
    ]);
    for (const [x] of pathPoints(d))
      expect(x).toBeLessThan(stackX + W + 32 - LINES.dottedWidth / 2);
  });

  it("is the same curve for the same cards, whatever else is in the grid's cells", () => {
    const manager = { x: 0, y: 0 };
    const report = { x: 700, y: 2 * ROW };
    const far = Array.from({ length: 50 }, (_, k) => ({ x: 5000 + k * 300, y: 5000 }));
    expect(route(manager, report, far)).toBe(route(manager, report));
  });

  it("keeps its bounds around the whole curve", () => {
    const { d, bounds } = dottedConnector(
      { x: 0, y: ROW },
      { x: W / 2 + stackIndent, y: 0 },
      new CardGrid([]),
    );
    for (const [x, y] of pathPoints(d)) {
      expect(x).toBeGreaterThanOrEqual(bounds.left - 1e-6);
      expect(x).toBeLessThanOrEqual(bounds.right + 1e-6);
      expect(y).toBeGreaterThanOrEqual(bounds.top - 1e-6);
      expect(y).toBeLessThanOrEqual(bounds.bottom + 1e-6);
    }
  });
});
