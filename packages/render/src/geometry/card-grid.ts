import type { Position } from "@rolemap/contract";
import { CARD } from "../theme";
import { type Cubic, cubicAt, cubicHullLength } from "./bezier";

/**
 * The cards of a chart bucketed in a coarse grid, to tell cheaply how badly a curve runs
 * over cards. Building is O(cards); a query looks only at the cards in the cells of its
 * sample points.
 */

const CELL = 256;
/** About one sample per this many units along a curve (a card is 124 tall). */
const SAMPLE_STEP = 24;
const MAX_SAMPLES = 400;
/** Points this close to a card's edge do not count as inside it (a line ends on an edge). */
const EDGE = 1;

export class CardGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly cards: Position[];

  constructor(cards: Iterable<Position>) {
    this.cards = [...cards];
    this.cards.forEach((card, index) => {
      for (let cx = cellOf(card.x); cx <= cellOf(card.x + CARD.width); cx++)
        for (let cy = cellOf(card.y); cy <= cellOf(card.y + CARD.height); cy++) {
          const key = keyOf(cx, cy);
          const list = this.cells.get(key);
          if (list === undefined) this.cells.set(key, [index]);
          else list.push(index);
        }
    });
  }

  /**
   * How much the curve runs over cards: 1,000 per card it enters, plus 1 per sample point
   * inside a card (so of two curves over the same cards, the one that only grazes them
   * wins).
   */
  cost(curve: Cubic): number {
    const samples = Math.min(
      MAX_SAMPLES,
      Math.max(8, Math.ceil(cubicHullLength(curve) / SAMPLE_STEP)),
    );
    const entered = new Set<number>();
    let inside = 0;
    for (let k = 1; k < samples; k++) {
      const { x, y } = cubicAt(curve, k / samples);
      for (const index of this.cells.get(keyOf(cellOf(x), cellOf(y))) ?? []) {
        const card = this.cards[index];
        if (
          card !== undefined &&
          x > card.x + EDGE &&
          x < card.x + CARD.width - EDGE &&
          y > card.y + EDGE &&
          y < card.y + CARD.height - EDGE
        ) {
          entered.add(index);
          inside++;
        }
      }
    }
    return entered.size * 1000 + inside;
  }
}

const cellOf = (value: number) => Math.floor(value / CELL);
/** Cells as one number: exact for any chart smaller than about a million cells a side. */
const keyOf = (cx: number, cy: number) => cx * 2_097_152 + cy;
