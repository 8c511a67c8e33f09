import type { Position, ReportingLine } from "@rolemap/contract";
import { COMPACT_ZOOM } from "./geometry";

/** Zoomed out further than this, a dotted line's dots are under 2 px apart on screen. */
export const DOTS_MERGE_ZOOM = 0.2;
/** The distance between two dots of a dotted line (LineEdge.module.css), in chart units. */
export const DOT_SPACING = 9;
/** More dots than this are too many to draw in every frame of the compact overview. */
export const DOT_BUDGET = 2_000;

/**
 * Whether dotted lines are drawn as faint lines instead of dots (LineEdge.module.css) at
 * zoom `zoom`, when all dotted lines together have about `dots` dots: when zoomed out so
 * far that the dots blend anyway, and in the compact overview when there are many.
 *
 * Not for looks: Chrome dashes a dotted path dot by dot each time the lines' paint
 * changes, and again for every tile it rasterises. The 2,000-role benchmark chart (100
 * dotted lines across it, ~500,000 dots) spent ~40 ms of every drag frame on it in the
 * fitted overview, and frames of many seconds at zoom 0.26; drawn as lines, drags there run
 * at 60 frames a second. Close up, a large chart mounts only the lines in view.
 */
export function areDotsMerged(zoom: number, dots: number): boolean {
  return zoom < DOTS_MERGE_ZOOM || (zoom < COMPACT_ZOOM && dots > DOT_BUDGET);
}

/**
 * About how many dots the dotted lines between the placed cards take: each line's length
 * estimated by the distance between its cards along the axes (lines to a card that is not
 * drawn, in a collapsed subtree, are not drawn either).
 */
export function countDots(
  lines: readonly ReportingLine[],
  positions: ReadonlyMap<string, Position>,
): number {
  let length = 0;
  for (const line of lines) {
    if (line.kind !== "dotted") continue;
    const manager = positions.get(line.manager);
    const report = positions.get(line.report);
    if (manager === undefined || report === undefined) continue;
    length += Math.abs(manager.x - report.x) + Math.abs(manager.y - report.y);
  }
  return Math.round(length / DOT_SPACING);
}
