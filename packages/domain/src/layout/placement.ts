import type { Position } from "@rolemap/contract";
import type { LayoutForest, LayoutInput } from "./layout-forest";
import { EDITOR_LAYOUT_OPTIONS, layoutForest } from "./tree-layout";

/**
 * Where cards go when the chart does not say: one rule for the editor's canvas and for
 * every export (@rolemap/render), so a download looks like the screen. Positions are the
 * top-left corners of the editor's cards (EDITOR_LAYOUT_OPTIONS).
 */

const LAYOUT = EDITOR_LAYOUT_OPTIONS;
const CARD_WIDTH = LAYOUT.nodeWidth;
const CARD_HEIGHT = LAYOUT.nodeHeight;
const ROW = CARD_HEIGHT + LAYOUT.verticalGap;
const COLUMN = CARD_WIDTH + LAYOUT.horizontalGap;
/** How far a stacked card may be nudged to the right and still count as stacked. */
const STACK_TOLERANCE = 24;

/**
 * A report whose left edge is at its manager's centre line plus the stack indent (give or
 * take a nudge), below it, is in a stack (the layout's `stackLeaves`): its solid line runs
 * down that line and into the card's side. A sibling centred next to its manager starts
 * only horizontalGap / 2 right of the centre line, and is not.
 */
export function isStackedUnder(manager: Position, report: Position): boolean {
  const spine = manager.x + CARD_WIDTH / 2;
  return (
    report.y > manager.y + CARD_HEIGHT &&
    report.x >= spine + LAYOUT.stackIndent - 1 &&
    report.x <= spine + LAYOUT.stackIndent + STACK_TOLERANCE
  );
}

/**
 * Managers whose reports in the tree all sit in a stack under them (the layout stacks all
 * of a manager's reports or none): only lines into their reports come in from the side.
 * O(roles).
 */
export function stackedManagers(
  forest: LayoutForest,
  positions: ReadonlyMap<string, Position>,
): Set<string> {
  const managers = new Set<string>();
  forest.ids.forEach((id, index) => {
    const reports = forest.children[index] ?? [];
    const at = positions.get(id);
    if (reports.length === 0 || at === undefined) return;
    const stacked = reports.every((report) => {
      const reportAt = positions.get(forest.ids[report] ?? "");
      return reportAt !== undefined && isStackedUnder(at, reportAt);
    });
    if (stacked) managers.add(id);
  });
  return managers;
}

/**
 * Where a new report of a manager goes: one level below it, to the right of the reports
 * already on that level (or straight below the manager when there are none); at the
 * bottom of the column when its reports are stacked.
 */
export function placeUnder(manager: Position, reports: Iterable<Position>): Position {
  const list = [...reports];
  if (list.length > 0 && list.every((report) => isStackedUnder(manager, report))) {
    let last = list[0] ?? manager;
    for (const report of list) if (report.y > last.y) last = report;
    return { x: last.x, y: last.y + CARD_HEIGHT + LAYOUT.stackGap };
  }
  const y = manager.y + ROW;
  let right = Number.NEGATIVE_INFINITY;
  for (const report of list)
    if (Math.abs(report.y - y) < CARD_HEIGHT) right = Math.max(right, report.x);
  return { x: right === Number.NEGATIVE_INFINITY ? manager.x : right + COLUMN, y };
}

/**
 * Positions for the roles that have none (roles with a position keep it):
 * - no role has one (a template, an import): the tidy tree layout of the whole chart;
 * - some have one: each missing role goes under its tree manager (next to the reports
 *   already there, at the bottom of a stack), top roles in a row right of everything, so
 *   nothing that was placed moves.
 * Returns an empty map when every role has a position. O(roles).
 */
export function missingPositions(
  document: LayoutInput,
  forest: LayoutForest,
): Map<string, Position> {
  const { roles } = document;
  let missing = 0;
  for (const role of roles) if (role.position === undefined) missing++;
  if (missing === 0) return new Map();
  if (missing === roles.length) return layoutForest(document, forest, LAYOUT);

  const placed = new Map<string, Position>();
  let right = Number.NEGATIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  for (const role of roles)
    if (role.position !== undefined) {
      placed.set(role.id, role.position);
      right = Math.max(right, role.position.x);
      top = Math.min(top, role.position.y);
    }
  let nextRootX = right + COLUMN;

  const result = new Map<string, Position>();
  /** Next free slot under each manager that received a missing report. */
  const nextUnder = new Map<number, Position>();
  const stack = [...forest.roots].reverse();
  while (stack.length > 0) {
    const index = stack.pop() ?? 0;
    const id = forest.ids[index] ?? "";
    if (!placed.has(id)) {
      const parent = forest.parent[index] ?? -1;
      const parentPosition = parent === -1 ? undefined : placed.get(forest.ids[parent] ?? "");
      let position: Position;
      if (parentPosition === undefined) {
        position = { x: nextRootX, y: top };
        nextRootX += COLUMN;
      } else {
        position =
          nextUnder.get(parent) ??
          placeUnder(
            parentPosition,
            (forest.children[parent] ?? []).flatMap((child) => {
              const at = placed.get(forest.ids[child] ?? "");
              return at === undefined ? [] : [at];
            }),
          );
        nextUnder.set(parent, { x: position.x + COLUMN, y: position.y });
      }
      placed.set(id, position);
      result.set(id, position);
    }
    const children = forest.children[index] ?? [];
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k] ?? 0);
  }
  return result;
}

/** Every role's place: its own position, or the one `missingPositions` gives it. */
export function placeRoles(document: LayoutInput, forest: LayoutForest): Map<string, Position> {
  const placed = missingPositions(document, forest);
  for (const role of document.roles)
    if (role.position !== undefined) placed.set(role.id, role.position);
  return placed;
}
