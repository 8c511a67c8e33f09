import type { ChartDocument, Position } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { buildLayoutForest } from "./layout-forest";
import {
  isStackedUnder,
  missingPositions,
  placeRoles,
  placeUnder,
  stackedManagers,
} from "./placement";
import { EDITOR_LAYOUT_OPTIONS, layoutChart } from "./tree-layout";

const {
  nodeWidth: W,
  nodeHeight: H,
  horizontalGap,
  verticalGap,
  stackIndent,
  stackGap,
} = EDITOR_LAYOUT_OPTIONS;
const ROW = H + verticalGap;
const COLUMN = W + horizontalGap;
const STACK_X = W / 2 + stackIndent;

/** A chart of untitled roles with solid lines "manager>report", and some positions. */
function chart(
  ids: string[],
  solid: string[],
  positions: Record<string, Position> = {},
): ChartDocument {
  return {
    format: "rolemap.chart/v1",
    name: "Test",
    roles: ids.map((id) => ({
      id,
      title: id,
      ...(positions[id] === undefined ? {} : { position: positions[id] }),
    })),
    reportingLines: solid.map((line) => {
      const [manager = "", report = ""] = line.split(">");
      return { manager, report, kind: "solid" as const };
    }),
    responsibilities: [],
    assignments: [],
  };
}

const missing = (document: ChartDocument) =>
  Object.fromEntries(missingPositions(document, buildLayoutForest(document)));
const placed = (document: ChartDocument) =>
  Object.fromEntries(placeRoles(document, buildLayoutForest(document)));

describe("missingPositions and placeRoles", () => {
  it("keep every stored position and add none", () => {
    const positions = { a: { x: 5, y: -7 }, b: { x: 1000, y: 3 } };
    const document = chart(["a", "b"], ["a>b"], positions);
    expect(missing(document)).toEqual({});
    expect(placed(document)).toEqual(positions);
  });

  it("use the editor's tree layout when no role has a position", () => {
    const document = chart(["m", "a", "b", "c"], ["m>a", "m>b", "m>c"]);
    const layout = Object.fromEntries(layoutChart(document, EDITOR_LAYOUT_OPTIONS));
    expect(missing(document)).toEqual(layout);
    expect(placed(document)).toEqual(layout);
  });

  it("put a new role under its placed manager and a new top role beside the chart", () => {
    const document = chart(["m", "a", "b", "loner"], ["m>a", "m>b"], {
      m: { x: 0, y: 0 },
      a: { x: 0, y: ROW },
    });
    expect(missing(document)).toEqual({ b: { x: COLUMN, y: ROW }, loner: { x: COLUMN, y: 0 } });
    expect(placed(document)).toMatchObject({ m: { x: 0, y: 0 }, b: { x: COLUMN, y: ROW } });
  });

  it("place a missing chain level by level, and siblings side by side", () => {
    const document = chart(["m", "a", "b", "c"], ["m>a", "a>b", "m>c"], { m: { x: 50, y: 0 } });
    expect(missing(document)).toEqual({
      a: { x: 50, y: ROW },
      b: { x: 50, y: 2 * ROW },
      c: { x: 50 + COLUMN, y: ROW },
    });
  });

  it("add a missing report at the bottom of its manager's stack", () => {
    const document = chart(["m", "a", "b", "c"], ["m>a", "m>b", "m>c"], {
      m: { x: 0, y: 0 },
      a: { x: STACK_X, y: ROW },
      b: { x: STACK_X, y: ROW + H + stackGap },
    });
    expect(missing(document)).toEqual({ c: { x: STACK_X, y: ROW + 2 * (H + stackGap) } });
  });
});

describe("placeUnder", () => {
  const manager = { x: 100, y: 100 };
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
        { x: 100 + STACK_X, y: 100 + ROW },
        { x: 100 + STACK_X, y: 100 + ROW + H + stackGap },
      ],
      { x: 100 + STACK_X, y: 100 + ROW + 2 * (H + stackGap) },
    ],
  ])("places a new report %s", (_, reports, expected) => {
    expect(placeUnder(manager, reports)).toEqual(expected);
  });
});

describe("isStackedUnder", () => {
  const manager = { x: 0, y: 0 };
  it.each<[string, Position, boolean]>([
    ["a card at the centre line plus the indent, below", { x: STACK_X, y: ROW }, true],
    ["a card nudged a little further right", { x: STACK_X + 20, y: ROW }, true],
    [
      "the right one of two reports centred under it",
      { x: W / 2 + horizontalGap / 2, y: ROW },
      false,
    ],
    ["a card in the next column", { x: COLUMN, y: ROW }, false],
    ["a card straight below", { x: 0, y: ROW }, false],
    ["a card beside the manager", { x: STACK_X, y: 0 }, false],
  ])("%s: %s", (_, report, expected) => {
    expect(isStackedUnder(manager, report)).toBe(expected);
  });
});

describe("stackedManagers", () => {
  const managersOf = (document: ChartDocument) =>
    [
      ...stackedManagers(
        buildLayoutForest(document),
        placeRoles(document, buildLayoutForest(document)),
      ),
    ].sort();

  it("names a manager whose reports are all stacked under it", () => {
    const document = chart(["m", "a", "b", "n", "c"], ["m>a", "m>b", "n>c"], {
      m: { x: 0, y: 0 },
      a: { x: STACK_X, y: ROW },
      b: { x: STACK_X, y: ROW + H + stackGap },
      n: { x: 1000, y: 0 },
      c: { x: 1000, y: ROW },
    });
    expect(managersOf(document)).toEqual(["m"]);
  });

  it("does not name a manager with one report of a row near its centre line", () => {
    const document = chart(["m", "a", "b"], ["m>a", "m>b"], {
      m: { x: 0, y: 0 },
      a: { x: -COLUMN, y: ROW },
      b: { x: STACK_X, y: ROW },
    });
    expect(managersOf(document)).toEqual([]);
  });

  it("agrees with the layout: a manager with many leaf reports stacks them", () => {
    const document = chart(["m", "a", "b", "c", "d"], ["m>a", "m>b", "m>c", "m>d"]);
    expect(managersOf(document)).toEqual(EDITOR_LAYOUT_OPTIONS.stackLeaves < 4 ? ["m"] : []);
  });
});
