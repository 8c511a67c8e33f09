import type { Position } from "@rolemap/contract";
import { CARD_HEIGHT, CARD_WIDTH } from "./geometry";

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

/** A new role id from a readable base: "cio", then "cio-2", "cio-3", … */
export function newRoleId(base: string, taken: { has(id: string): boolean }): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}
