import { describe, expect, it } from "vitest";
import { findCycles } from "./find-cycles";

describe("findCycles", () => {
  it.each<[string, number[], number[][]]>([
    ["no rows", [], []],
    ["a tree", [-1, 0, 0, 1, 1], []],
    ["one cycle, rotated to its smallest member", [2, 0, 1], [[0, 2, 1]]],
    ["a cycle with a tail into it", [-1, 3, 1, 2, 3], [[1, 3, 2]]],
    [
      "two cycles and a tree",
      [1, 0, -1, 2, 5, 6, 4],
      [
        [0, 1],
        [4, 5, 6],
      ],
    ],
  ])("%s", (_, parents, cycles) => {
    expect(findCycles(parents)).toEqual(cycles);
  });

  it("stays linear on a long chain ending in a cycle", () => {
    const size = 200_000;
    const parents = Array.from({ length: size }, (_, index) => index + 1);
    parents[size - 1] = size - 3;
    expect(findCycles(parents)).toEqual([[size - 3, size - 2, size - 1]]);
  });
});
