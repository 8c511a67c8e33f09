import type { Position } from "@rolemap/contract";
import { type LayoutForest, type LayoutInput, layoutForest } from "@rolemap/domain";
import { CARD_HEIGHT, CARD_WIDTH, COLUMN, isStackedUnder, LAYOUT, ROW } from "./geometry";

/** Where cards are on the canvas, in flow coordinates (top-left corners). */
export interface PlacedCard {
  id: string;
  position: Position;
}

/**
 * The card under `point` (flow coordinates), or null: the last one in drawing order wins,
 * as it is the one on top. `excluded` are cards that cannot take a drop (the dragged card
 * and its own reports, so a drop never makes a role report to someone below it).
 */
export function findDropTarget(
  point: Position,
  cards: Iterable<PlacedCard>,
  excluded: ReadonlySet<string> = new Set(),
): string | null {
  let target: string | null = null;
  for (const { id, position } of cards) {
    if (excluded.has(id)) continue;
    const inside =
      point.x >= position.x &&
      point.x <= position.x + CARD_WIDTH &&
      point.y >= position.y &&
      point.y <= position.y + CARD_HEIGHT;
    if (inside) target = id;
  }
  return target;
}

/**
 * Where a new report of a manager goes: one level below it, to the right of the reports
 * already on that level (or straight below the manager when there are none); at the
 * bottom of the column when its reports are stacked.
 */
export function placeUnder(manager: Position, reports: Iterable<Position>): Position {
  const list = [...reports];
  // Reports stacked in a column (compact layout): the new one goes at the bottom.
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

/** A new role id from a readable base: "cio", then "cio-2", "cio-3", … */
export function newRoleId(base: string, taken: { has(id: string): boolean }): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Positions for the roles that have none (roles with a position keep it):
 * - no role has one (a template, an import): the tidy tree layout of the whole chart;
 * - some have one: each missing role goes under its tree manager (next to the reports
 *   already there), top roles in a row to the right of everything, so nothing jumps.
 * Returns an empty map when every role has a position. O(roles).
 */
export function missingPositions(
  document: LayoutInput,
  forest: LayoutForest,
): ReadonlyMap<string, Position> {
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
