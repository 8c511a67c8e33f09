import type { ChartDocument, Position } from "@rolemap/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largeChartArbitrary, smallChartArbitrary } from "../testing/arbitraries";
import { type ChartSketch, sketchChart } from "../testing/chart-builder";
import { buildLayoutForest, hiddenRoleIds } from "./layout-forest";
import { DEFAULT_LAYOUT_OPTIONS, layoutChart } from "./tree-layout";

const { nodeWidth: W, nodeHeight: H, horizontalGap: GX, verticalGap: GY } = DEFAULT_LAYOUT_OPTIONS;
const ROW = H + GY;
const COLUMN = W + GX;

/** Positions as "id@x,y" strings, ordered by id, for compact expectations. */
const rows = (positions: Map<string, Position>) =>
  [...positions].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, p]) => `${id}@${p.x},${p.y}`);

const level = (positions: Map<string, Position>, id: string) => (positions.get(id)?.y ?? NaN) / ROW;
const xOf = (positions: Map<string, Position>, id: string) => positions.get(id)?.x ?? NaN;

function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < W && Math.abs(a.y - b.y) < H;
}

describe("layoutChart", () => {
  it.each<[string, ChartSketch, string[] | undefined, Record<string, number>]>([
    ["places a single role at the origin", { roles: ["ceo"] }, undefined, { ceo: 0 }],
    [
      "puts a chain one level per role",
      { roles: ["a", "b", "c"], solid: ["a>b", "b>c"] },
      undefined,
      { a: 0, b: 1, c: 2 },
    ],
    [
      "puts a wide span of reports on one level",
      {
        roles: ["ceo", "r1", "r2", "r3", "r4", "r5"],
        solid: ["ceo>r1", "ceo>r2", "ceo>r3", "ceo>r4", "ceo>r5"],
      },
      undefined,
      { ceo: 0, r1: 1, r2: 1, r3: 1, r4: 1, r5: 1 },
    ],
    [
      "puts the roots of a forest on the top level",
      { roles: ["a", "b", "a1", "b1"], solid: ["a>a1", "b>b1"] },
      undefined,
      { a: 0, b: 0, a1: 1, b1: 1 },
    ],
    [
      "cuts a cycle at its first role in document order",
      { roles: ["x", "a", "b", "c"], solid: ["a>b", "b>c", "c>a", "x>b"] },
      undefined,
      // b's first solid manager in line order is a; the cycle a→b→c→a is cut at a.
      { x: 0, a: 0, b: 1, c: 2 },
    ],
    [
      "hangs a role with several managers under the first solid one in line order",
      {
        roles: ["ceo", "cio", "cto", "ciso"],
        solid: ["ceo>cio", "ceo>cto", "cto>ciso", "cio>ciso"],
      },
      undefined,
      { ceo: 0, cio: 1, cto: 1, ciso: 2 },
    ],
    [
      "ignores dotted lines",
      { roles: ["ceo", "cio", "cto"], solid: ["ceo>cio"], dotted: ["cio>cto"] },
      undefined,
      { ceo: 0, cio: 1, cto: 0 },
    ],
    [
      "hangs the hidden reports of a collapsed role under it",
      { roles: ["ceo", "cio", "it1", "it2"], solid: ["ceo>cio", "cio>it1", "it1>it2"] },
      ["cio"],
      { ceo: 0, cio: 1, it1: 2, it2: 3 },
    ],
  ])("%s", (_, sketch, collapsed, levels) => {
    const positions = layoutChart(sketchChart(sketch), collapsed ? { collapsed } : {});
    expect(positions.size).toBe(sketch.roles?.length);
    for (const [id, expected] of Object.entries(levels))
      expect(level(positions, id)).toBe(expected);
  });

  it("centres a manager over its reports and spaces siblings by a card and a gap", () => {
    const positions = layoutChart(
      sketchChart({ roles: ["m", "a", "b", "c"], solid: ["m>a", "m>b", "m>c"] }),
    );
    expect(rows(positions)).toEqual([
      `a@0,${ROW}`,
      `b@${COLUMN},${ROW}`,
      `c@${2 * COLUMN},${ROW}`,
      `m@${COLUMN},0`,
    ]);
  });

  it("keeps trees of a forest apart and in document order of their roots", () => {
    const positions = layoutChart(sketchChart({ roles: ["b", "a"] }));
    expect(xOf(positions, "b")).toBe(0);
    expect(xOf(positions, "a")).toBeGreaterThanOrEqual(W + GX);
  });

  it("lays out the visible cards compactly when a subtree is collapsed", () => {
    const document = sketchChart({
      roles: ["ceo", "cio", "cto", "i1", "i2", "i3"],
      solid: ["ceo>cio", "ceo>cto", "cio>i1", "cio>i2", "cio>i3"],
    });
    const open = layoutChart(document);
    const closed = layoutChart(document, { collapsed: ["cio"] });
    expect(xOf(closed, "cto") - xOf(closed, "cio")).toBe(COLUMN);
    const right = (positions: Map<string, Position>, ids: string[]) =>
      Math.max(...ids.map((id) => xOf(positions, id)));
    expect(right(closed, ["ceo", "cio", "cto"])).toBeLessThan(
      right(open, ["ceo", "cio", "cto", "i3"]),
    );
    // The hidden reports keep a tidy shape under the collapsed role.
    expect(xOf(closed, "i2")).toBe(xOf(closed, "cio"));
  });

  it("orders children by their current x when asked to", () => {
    const document = sketchChart({ roles: ["m", "a", "b"], solid: ["m>a", "m>b"] });
    const placed: ChartDocument = {
      ...document,
      roles: document.roles.map((role) =>
        role.id === "a"
          ? { ...role, position: { x: 500, y: 0 } }
          : role.id === "b"
            ? { ...role, position: { x: 0, y: 0 } }
            : role,
      ),
    };
    expect(xOf(layoutChart(placed), "a")).toBeLessThan(xOf(layoutChart(placed), "b"));
    const kept = layoutChart(placed, { childOrder: "position" });
    expect(xOf(kept, "b")).toBeLessThan(xOf(kept, "a"));
  });

  it("honours card sizes, gaps and origin", () => {
    const positions = layoutChart(sketchChart({ roles: ["m", "a", "b"], solid: ["m>a", "m>b"] }), {
      nodeWidth: 100,
      nodeHeight: 50,
      horizontalGap: 10,
      verticalGap: 20,
      origin: { x: 1000, y: -30 },
    });
    expect(rows(positions)).toEqual(["a@1000,40", "b@1110,40", "m@1055,-30"]);
  });

  describe("with stacked reports", () => {
    const INDENT = DEFAULT_LAYOUT_OPTIONS.stackIndent;
    const GAP = DEFAULT_LAYOUT_OPTIONS.stackGap;
    const stacked = { stackLeaves: 3 };

    it("stacks three or more reports without reports of their own in one column", () => {
      const positions = layoutChart(
        sketchChart({ roles: ["m", "a", "b", "c"], solid: ["m>a", "m>b", "m>c"] }),
        stacked,
      );
      const x = W / 2 + INDENT;
      expect(rows(positions)).toEqual([
        `a@${x},${ROW}`,
        `b@${x},${ROW + H + GAP}`,
        `c@${x},${ROW + 2 * (H + GAP)}`,
        "m@0,0",
      ]);
    });

    it.each<[string, ChartSketch]>([
      ["fewer reports than the threshold", { roles: ["m", "a", "b"], solid: ["m>a", "m>b"] }],
      [
        "a report with reports of its own",
        { roles: ["m", "a", "b", "c", "d"], solid: ["m>a", "m>b", "m>c", "c>d"] },
      ],
    ])("keeps a row for %s", (_, sketch) => {
      const positions = layoutChart(sketchChart(sketch), stacked);
      expect(level(positions, "a")).toBe(1);
      expect(level(positions, "b")).toBe(1);
    });

    it("treats a collapsed report as a leaf and hangs its hidden reports below it", () => {
      const document = sketchChart({
        roles: ["m", "a", "b", "c", "d"],
        solid: ["m>a", "m>b", "m>c", "c>d"],
      });
      const positions = layoutChart(document, { ...stacked, collapsed: ["c"] });
      expect(xOf(positions, "a")).toBe(xOf(positions, "c"));
      expect(positions.get("d")?.y).toBeGreaterThan(positions.get("c")?.y ?? Infinity);
    });

    it("keeps a stack clear of the next subtree", () => {
      const positions = layoutChart(
        sketchChart({
          roles: ["ceo", "m", "a", "b", "c", "n", "n1", "n2"],
          solid: ["ceo>m", "ceo>n", "m>a", "m>b", "m>c", "n>n1", "n>n2"],
        }),
        stacked,
      );
      const stackRight = xOf(positions, "a") + W;
      expect(xOf(positions, "n1")).toBeGreaterThanOrEqual(stackRight + GX);
    });
  });

  it("returns nothing for an empty chart", () => {
    expect(layoutChart(sketchChart({})).size).toBe(0);
  });

  it("does not mutate its input", () => {
    const document = sketchChart({ roles: ["a", "b", "c"], solid: ["a>b", "b>c", "c>a"] });
    const before = structuredClone(document);
    layoutChart(document, { collapsed: ["b"], childOrder: "position" });
    expect(document).toEqual(before);
  });

  it("gives every role a finite position and never overlaps two visible cards", () => {
    const collapsedArb = (document: ChartDocument) =>
      fc.subarray(document.roles.map((role) => role.id));
    fc.assert(
      fc.property(
        fc
          .oneof(smallChartArbitrary, largeChartArbitrary)
          .chain((document) =>
            fc.tuple(
              fc.constant(document),
              collapsedArb(document),
              fc.boolean(),
              fc.constantFrom(0, 1, 2, 3),
            ),
          ),
        ([document, collapsed, byPosition, stackLeaves]) => {
          const positions = layoutChart(document, {
            collapsed,
            childOrder: byPosition ? "position" : "document",
            stackLeaves,
          });
          expect([...positions.keys()].sort()).toEqual(document.roles.map((r) => r.id).sort());
          for (const { x, y } of positions.values()) {
            expect(Number.isFinite(x)).toBe(true);
            expect(Number.isFinite(y)).toBe(true);
          }
          const hidden = hiddenRoleIds(buildLayoutForest(document), new Set(collapsed));
          const visible = [...positions].filter(([id]) => !hidden.has(id));
          for (let i = 0; i < visible.length; i++)
            for (let j = i + 1; j < visible.length; j++) {
              const [a, pa] = visible[i] ?? ["", { x: 0, y: 0 }];
              const [b, pb] = visible[j] ?? ["", { x: 0, y: 0 }];
              if (overlaps(pa, pb)) throw new Error(`${a} and ${b} overlap`);
            }
        },
      ),
      { numRuns: 300 },
    );
  });
});
