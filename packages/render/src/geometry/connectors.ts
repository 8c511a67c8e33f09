import type { Position } from "@rolemap/contract";
import { isStackedUnder } from "@rolemap/domain";
import { num } from "../svg/number";
import { CARD, LINES } from "../theme";
import type { Point } from "./bezier";
import { Bounds } from "./bounds";

/**
 * The path of a solid reporting line between two cards (top-left corners given), as the
 * editor draws it with React Flow's smooth steps: an orthogonal connector with rounded
 * bends from the manager's bottom centre to the report's top centre, or, for a stacked
 * report, down the manager's centre line and into the card's left side. `bounds` covers
 * the whole path (not the stroke). Dotted lines are in dotted-routes.ts.
 */
export interface Connector {
  d: string;
  bounds: Bounds;
}

const W = CARD.width;
const H = CARD.height;

/** `stacked`: the report is in a stack under the manager (see stackedManagers). */
export function solidConnector(manager: Position, report: Position, stacked: boolean): Connector {
  const source = { x: manager.x + W / 2, y: manager.y + H };
  if (stacked && isStackedUnder(manager, report))
    return polyline([
      source,
      { x: source.x, y: report.y + H / 2 },
      { x: report.x, y: report.y + H / 2 },
    ]);

  const target = { x: report.x + W / 2, y: report.y };
  if (target.y >= source.y + 2 * LINES.offset) {
    // The usual case: down, across at half height, down.
    const middle = (source.y + target.y) / 2;
    return polyline([source, { x: source.x, y: middle }, { x: target.x, y: middle }, target]);
  }
  // The report is level with or above its manager (moved by hand, or a cut cycle): leave
  // the manager downwards, go round beside the cards, come into the report from above.
  const below = source.y + LINES.offset;
  const above = target.y - LINES.offset;
  const apart = Math.abs(source.x - target.x) >= W + 2 * LINES.offset;
  const side = apart ? (source.x + target.x) / 2 : Math.min(manager.x, report.x) - LINES.offset;
  return polyline([
    source,
    { x: source.x, y: below },
    { x: side, y: below },
    { x: side, y: above },
    { x: target.x, y: above },
    target,
  ]);
}

/** A path through `points` with each bend rounded, as React Flow's smooth step draws it. */
function polyline(points: readonly Point[]): Connector {
  const bounds = new Bounds();
  for (const point of points) bounds.addPoint(point.x, point.y);
  const first = points[0] ?? { x: 0, y: 0 };
  const parts = [`M${num(first.x)} ${num(first.y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1] ?? first;
    const b = points[i] ?? first;
    const c = points[i + 1] ?? first;
    const bend = Math.min(
      LINES.cornerRadius,
      Math.hypot(b.x - a.x, b.y - a.y) / 2,
      Math.hypot(c.x - b.x, c.y - b.y) / 2,
    );
    if ((a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y) || bend === 0) {
      parts.push(`L${num(b.x)} ${num(b.y)}`);
      continue;
    }
    const into = { x: b.x - Math.sign(b.x - a.x) * bend, y: b.y - Math.sign(b.y - a.y) * bend };
    const out = { x: b.x + Math.sign(c.x - b.x) * bend, y: b.y + Math.sign(c.y - b.y) * bend };
    parts.push(
      `L${num(into.x)} ${num(into.y)}Q${num(b.x)} ${num(b.y)} ${num(out.x)} ${num(out.y)}`,
    );
  }
  const last = points[points.length - 1] ?? first;
  parts.push(`L${num(last.x)} ${num(last.y)}`);
  return { d: parts.join(""), bounds };
}
