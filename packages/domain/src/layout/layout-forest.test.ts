import { describe, expect, it } from "vitest";
import { sketchChart } from "../testing/chart-builder";
import {
  buildLayoutForest,
  hiddenRoleIds,
  subtreeSizes,
  treeAncestorsOf,
  treeDescendantsOf,
  treeParentOf,
} from "./layout-forest";

const parents = (sketch: Parameters<typeof sketchChart>[0]) => {
  const forest = buildLayoutForest(sketchChart(sketch));
  return Object.fromEntries(forest.ids.map((id) => [id, treeParentOf(forest, id)]));
};

describe("buildLayoutForest", () => {
  it.each([
    ["a single role is a root", { roles: ["a"] }, { a: null }],
    [
      "a chain keeps its order",
      { roles: ["a", "b", "c"], solid: ["a>b", "b>c"] },
      { a: null, b: "a", c: "b" },
    ],
    [
      "the first solid manager in line order wins",
      { roles: ["a", "b", "c"], solid: ["b>c", "a>c"] },
      { a: null, b: null, c: "b" },
    ],
    ["dotted lines are not followed", { roles: ["a", "b"], dotted: ["a>b"] }, { a: null, b: null }],
    [
      "a cycle is cut at its first role in document order",
      { roles: ["c", "a", "b"], solid: ["a>b", "b>c", "c>a"] },
      { c: null, a: "c", b: "a" },
    ],
    [
      "a cycle reached from outside is cut the same way",
      { roles: ["x", "b", "a"], solid: ["a>b", "b>a", "a>x"] },
      { x: "a", b: null, a: "b" },
    ],
    ["lines to unknown roles are ignored", { roles: ["a"], solid: ["zz>a"] }, { a: null }],
  ])("%s", (_, sketch, expected) => {
    expect(parents(sketch)).toEqual(expected);
  });

  it("lists children in document order and roots in document order", () => {
    const forest = buildLayoutForest(
      sketchChart({ roles: ["r2", "m", "b", "a", "r1"], solid: ["m>a", "m>b"] }),
    );
    expect(forest.roots.map((i) => forest.ids[i])).toEqual(["r2", "m", "r1"]);
    expect(forest.children[1]?.map((i) => forest.ids[i])).toEqual(["b", "a"]);
  });

  it("does not depend on where the walk starts (every cycle cut the same way)", () => {
    const lines = ["a>b", "b>c", "c>a", "d>e", "e>d"];
    const one = parents({ roles: ["a", "b", "c", "d", "e"], solid: lines });
    const two = parents({ roles: ["a", "b", "c", "d", "e"], solid: [...lines].reverse() });
    expect(one).toEqual({ a: null, b: "a", c: "b", d: null, e: "d" });
    // Reversed line order: the same first-solid-manager choice (each role has one), same cut.
    expect(two).toEqual(one);
  });
});

describe("tree queries", () => {
  const forest = buildLayoutForest(
    sketchChart({
      roles: ["ceo", "cio", "cto", "ops", "sec", "dev"],
      solid: ["ceo>cio", "ceo>cto", "cio>ops", "ops>sec", "cto>dev"],
    }),
  );

  it("hides every descendant of a collapsed role but not the role", () => {
    expect([...hiddenRoleIds(forest, new Set(["cio"]))].sort()).toEqual(["ops", "sec"]);
    expect([...hiddenRoleIds(forest, new Set(["cio", "ops"]))].sort()).toEqual(["ops", "sec"]);
    expect(hiddenRoleIds(forest, new Set()).size).toBe(0);
    expect(hiddenRoleIds(forest, new Set(["nobody"])).size).toBe(0);
  });

  it("counts the roles below each role", () => {
    expect(Object.fromEntries(forest.ids.map((id, i) => [id, subtreeSizes(forest)[i]]))).toEqual({
      ceo: 5,
      cio: 2,
      cto: 1,
      ops: 1,
      sec: 0,
      dev: 0,
    });
  });

  it("lists ancestors nearest first and descendants", () => {
    expect(treeAncestorsOf(forest, "sec")).toEqual(["ops", "cio", "ceo"]);
    expect(treeAncestorsOf(forest, "ceo")).toEqual([]);
    expect(treeDescendantsOf(forest, "cio").sort()).toEqual(["ops", "sec"]);
    expect(treeDescendantsOf(forest, "nobody")).toEqual([]);
  });
});
