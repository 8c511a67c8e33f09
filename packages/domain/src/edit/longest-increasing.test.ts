import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { longestIncreasing } from "./longest-increasing";

const picked = (values: number[]) => values.filter((_, i) => longestIncreasing(values)[i]);

describe("longestIncreasing", () => {
  it.each([
    [[], []],
    [[3], [3]],
    [
      [0, 1, 2],
      [0, 1, 2],
    ],
    [[2, 1, 0], [0]],
    [
      [3, 0, 1, 2],
      [0, 1, 2],
    ],
    [
      [1, 2, 3, 0],
      [1, 2, 3],
    ],
    [
      [0, 5, 1, 6, 2, 3],
      [0, 1, 2, 3],
    ],
  ])("picks from %j the run %j", (values, run) => {
    expect(picked(values)).toStrictEqual(run);
  });

  it("picks an increasing run no shorter than any other", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(30), { maxLength: 12 }), (values) => {
        const run = picked(values);
        expect(run).toStrictEqual([...run].sort((a, b) => a - b));
        // Brute force over every subset: none increasing is longer.
        let best = 0;
        for (let mask = 0; mask < 1 << values.length; mask++) {
          const subset = values.filter((_, i) => mask & (1 << i));
          if (subset.every((v, i) => i === 0 || (subset[i - 1] as number) < v))
            best = Math.max(best, subset.length);
        }
        expect(run).toHaveLength(best);
      }),
    );
  });
});
