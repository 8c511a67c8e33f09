import type { Position } from "@rolemap/contract";
import { CARD, LINES } from "../theme";
import { type Cubic, cubicBounds, cubicPath, type Point } from "./bezier";
import type { CardGrid } from "./card-grid";
import type { Connector } from "./connectors";

/**
 * The curve of a dotted (functional) line. The editor draws React Flow's bezier from the
 * manager's bottom centre to the report's top (its right side when the manager is further
 * right), which can run straight through the cards between them: the title of a card in a
 * stack, every card of a row between two peers. Here that curve is the first of a few
 * candidates, and the one over the fewest cards wins (ties go to the earlier candidate):
 * - React Flow's curve (into the top edge off its centre, where the solid line ends);
 * - into the report's left side (a quarter down, above a stacked card's solid line) or
 *   its right side;
 * - from the manager's side facing the report into the report's facing side;
 * - out of the right (or left) side of the manager into the same side of the report, like
 *   a bracket beside a stack;
 * - between two cards of one row: a shallow dip under the row into the report's bottom.
 */

const W = CARD.width;
const H = CARD.height;

/** React Flow's control distance for a bezier end (calculateControlOffset, curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/** Ends of a curve and the direction each leaves its card in. */
type Side = "top" | "bottom" | "left" | "right";

/** A control point as React Flow places it for an end on this side (getControlWithCurvature). */
function control(side: Side, end: Point, other: Point): Point {
  switch (side) {
    case "top":
      return { x: end.x, y: end.y - controlOffset(end.y - other.y) };
    case "bottom":
      return { x: end.x, y: end.y + controlOffset(other.y - end.y) };
    case "left":
      return { x: end.x - controlOffset(end.x - other.x), y: end.y };
    case "right":
      return { x: end.x + controlOffset(other.x - end.x), y: end.y };
  }
}

function curve(from: Point, fromSide: Side, to: Point, toSide: Side): Cubic {
  return { from, c1: control(fromSide, from, to), c2: control(toSide, to, from), to };
}

/**
 * How far a bracket's control points stand out from the cards' side: it bulges 3/4 of
 * this (27), inside the 32 between two columns.
 */
const BRACKET = 36;

function bracket(from: Point, to: Point, offset: number): Cubic {
  return { from, c1: { x: from.x + offset, y: from.y }, c2: { x: to.x + offset, y: to.y }, to };
}

/** The candidate curves, most editor-like first. */
export function dottedCandidates(manager: Position, report: Position): Cubic[] {
  const bottom = { x: manager.x + W / 2, y: manager.y + H };
  const managerRight = bottom.x > report.x + W / 2;
  const reportLeft = { x: report.x, y: report.y + H / 4 };
  const reportRight = { x: report.x + W, y: report.y + H / 2 };
  const reportTop = { x: report.x + (managerRight ? (3 * W) / 4 : W / 4), y: report.y };
  const candidates: Cubic[] = [];
  if (Math.abs(report.y - manager.y) < H) {
    const to = { x: report.x + (managerRight ? (3 * W) / 4 : W / 4), y: report.y + H };
    candidates.push({
      from: bottom,
      c1: { x: bottom.x, y: bottom.y + LINES.dottedDip },
      c2: { x: to.x, y: to.y + LINES.dottedDip },
      to,
    });
  }
  const toTop = curve(bottom, "bottom", reportTop, "top");
  const toSide = managerRight
    ? curve(bottom, "bottom", reportRight, "right")
    : curve(bottom, "bottom", reportLeft, "left");
  // The editor's choice: the right side when the manager is right of the whole card.
  if (bottom.x > report.x + W) candidates.push(toSide, toTop);
  else candidates.push(toTop, toSide);
  const managerLeftSide = { x: manager.x, y: manager.y + H / 2 };
  const managerRightSide = { x: manager.x + W, y: manager.y + H / 2 };
  candidates.push(
    managerRight
      ? curve(managerLeftSide, "left", reportRight, "right")
      : curve(managerRightSide, "right", reportLeft, "left"),
    // Brackets beside a column (two cards of one stack): out of one side and back in.
    bracket(managerRightSide, { x: report.x + W, y: report.y + H / 2 }, BRACKET),
    bracket(managerLeftSide, { x: report.x, y: report.y + H / 4 }, -BRACKET),
  );
  return candidates;
}

/** The dotted line from `manager` to `report` over the fewest cards. */
export function dottedConnector(manager: Position, report: Position, cards: CardGrid): Connector {
  let best: Cubic | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const candidate of dottedCandidates(manager, report)) {
    const cost = cards.cost(candidate);
    if (cost < bestCost) {
      best = candidate;
      bestCost = cost;
    }
    if (cost === 0) break;
  }
  const chosen = best ?? curve({ x: manager.x + W / 2, y: manager.y + H }, "bottom", report, "top");
  return { d: cubicPath(chosen), bounds: cubicBounds(chosen) };
}
