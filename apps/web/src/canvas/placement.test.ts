import type { Position } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { CARD_HEIGHT, CARD_WIDTH } from "./geometry";
import { findDropTarget, newRoleId, type PlacedCard } from "./placement";

const card = (id: string, x: number, y: number): PlacedCard => ({ id, position: { x, y } });

describe("findDropTarget", () => {
  const cards = [card("ceo", 0, 0), card("cio", 300, 0), card("over", 100, 50)];
  it.each<[string, Position, string[], string | null]>([
    ["the card under the point", { x: 10, y: 10 }, [], "ceo"],
    ["a point on the card's edge", { x: CARD_WIDTH, y: CARD_HEIGHT }, [], "over"],
    ["the top card where two overlap", { x: 120, y: 60 }, [], "over"],
    ["nothing on empty canvas", { x: 0, y: 500 }, [], null],
    ["nothing left of every card", { x: -1, y: 10 }, [], null],
    ["the card below an excluded one", { x: 120, y: 60 }, ["over"], "ceo"],
    ["nothing when the only card is excluded", { x: 310, y: 10 }, ["cio"], null],
  ])("finds %s", (_, point, excluded, expected) => {
    expect(findDropTarget(point, cards, new Set(excluded))).toBe(expected);
  });
});

describe("newRoleId", () => {
  it.each<[string, string[], string]>([
    ["cio", [], "cio"],
    ["cio", ["cio"], "cio-2"],
    ["cio", ["cio", "cio-2", "cio-3"], "cio-4"],
    ["custom", ["cio"], "custom"],
  ])("makes %s unique among %j as %s", (base, taken, expected) => {
    expect(newRoleId(base, new Set(taken))).toBe(expected);
  });
});
