import type { ChartDocument, Position, Role } from "@rolemap/contract";
import { buildLayoutForest } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { CARD_HEIGHT, CARD_WIDTH, COLUMN, LAYOUT, ROW } from "./geometry";
import {
  findDropTarget,
  missingPositions,
  newRoleId,
  type PlacedCard,
  placeUnder,
} from "./placement";

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

describe("placeUnder", () => {
  const manager = { x: 100, y: 100 };
  const stackX = manager.x + CARD_WIDTH / 2 + LAYOUT.stackIndent;
  it.each<[string, Position[], Position]>([
    ["straight below a manager without reports", [], { x: 100, y: 100 + ROW }],
    [
      "right of the reports on the next level",
      [
        { x: 0, y: 100 + ROW },
        { x: 280, y: 100 + ROW },
      ],
      { x: 280 + COLUMN, y: 100 + ROW },
    ],
    [
      "below the manager when its reports are on other levels",
      [{ x: 900, y: 100 + 3 * ROW }],
      { x: 100, y: 100 + ROW },
    ],
    [
      "at the bottom of a stack",
      [
        { x: stackX, y: 100 + ROW },
        { x: stackX, y: 100 + ROW + CARD_HEIGHT + LAYOUT.stackGap },
      ],
      { x: stackX, y: 100 + ROW + 2 * (CARD_HEIGHT + LAYOUT.stackGap) },
    ],
  ])("places a new report %s", (_, reports, expected) => {
    expect(placeUnder(manager, reports)).toEqual(expected);
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

describe("missingPositions", () => {
  const role = (id: string, position?: Position): Role => ({
    id,
    title: id,
    ...(position === undefined ? {} : { position }),
  });
  const chart = (roles: Role[], solid: [string, string][]): ChartDocument => ({
    format: "rolemap.chart/v1",
    name: "Test",
    roles,
    reportingLines: solid.map(([manager, report]) => ({ manager, report, kind: "solid" })),
    responsibilities: [],
    assignments: [],
  });
  const missing = (document: ChartDocument) =>
    Object.fromEntries(missingPositions(document, buildLayoutForest(document)));

  it("is empty when every role has a position", () => {
    expect(missing(chart([role("a", { x: 1, y: 2 })], []))).toEqual({});
  });

  it("lays out the whole chart when no role has a position", () => {
    const places = missing(
      chart(
        [role("m"), role("a"), role("b")],
        [
          ["m", "a"],
          ["m", "b"],
        ],
      ),
    );
    expect(Object.keys(places).sort()).toEqual(["a", "b", "m"]);
    expect(places.a?.y).toBe(ROW);
  });

  it("puts a new role under its placed manager and a new top role beside the chart", () => {
    const places = missing(
      chart(
        [role("m", { x: 0, y: 0 }), role("a", { x: 0, y: ROW }), role("b"), role("loner")],
        [
          ["m", "a"],
          ["m", "b"],
        ],
      ),
    );
    expect(places).toEqual({ b: { x: COLUMN, y: ROW }, loner: { x: COLUMN, y: 0 } });
  });

  it("places a missing chain level by level", () => {
    const places = missing(
      chart(
        [role("m", { x: 50, y: 0 }), role("a"), role("b")],
        [
          ["m", "a"],
          ["a", "b"],
        ],
      ),
    );
    expect(places).toEqual({ a: { x: 50, y: ROW }, b: { x: 50, y: 2 * ROW } });
  });
});
