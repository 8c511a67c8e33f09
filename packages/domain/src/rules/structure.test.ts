import { describe, expect, it } from "vitest";
import { findingsOf, idsOf } from "../testing/findings-of";

const roles = ["a", "b", "c", "d", "e"];

describe("org/cycle", () => {
  it.each([
    ["a two-role loop", ["a>b", "b>a"], [], [[["a", "b"], []]]],
    ["a three-role loop under a head", ["e>a", "a>b", "b>c", "c>a"], [], [[["a", "b", "c"], []]]],
    [
      "two separate loops",
      ["a>b", "b>a", "c>d", "d>c"],
      [],
      [
        [["a", "b"], []],
        [["c", "d"], []],
      ],
    ],
    [
      "two loops sharing a role: one component",
      ["a>b", "b>a", "b>c", "c>b"],
      [],
      [[["a", "b", "c"], []]],
    ],
    ["a tree", ["a>b", "a>c", "c>d"], [], []],
    ["a loop closed only by a dotted line", ["a>b", "b>c"], ["c>a"], []],
  ])("with %s", (_, solid, dotted, expected) => {
    expect(idsOf(findingsOf("org/cycle", { roles, solid, dotted }))).toEqual(expected);
  });
});

describe("org/multiple-managers", () => {
  it.each([
    ["two solid managers", ["a>c", "b>c"], [], [[["a", "b", "c"], []]]],
    ["three solid managers", ["a>d", "b>d", "c>d"], [], [[["a", "b", "c", "d"], []]]],
    ["one solid and one dotted manager", ["a>c"], ["b>c"], []],
    ["the same manager by solid and dotted line", ["a>c"], ["a>c"], []],
  ])("with %s", (_, solid, dotted, expected) => {
    expect(idsOf(findingsOf("org/multiple-managers", { roles, solid, dotted }))).toEqual(expected);
  });
});

describe("org/multiple-roots", () => {
  it.each([
    ["one head", ["a>b", "a>c", "a>d", "a>e"], [], []],
    ["two heads", ["a>b", "a>c", "d>e"], [], [[["a", "d"], []]]],
    ["heads joined only by a dotted line", ["a>b", "a>c", "a>d"], ["a>e"], [[["a", "e"], []]]],
    ["every role alone", [], [], [[roles, []]]],
    ["no head at all (a loop)", ["a>b", "b>c", "c>d", "d>e", "e>a"], [], []],
  ])("with %s", (_, solid, dotted, expected) => {
    expect(idsOf(findingsOf("org/multiple-roots", { roles, solid, dotted }))).toEqual(expected);
  });

  it("stays quiet for an empty chart and a single role", () => {
    expect(findingsOf("org/multiple-roots", {})).toEqual([]);
    expect(findingsOf("org/multiple-roots", { roles: ["a"] })).toEqual([]);
  });
});

describe("org/span-of-control", () => {
  const team = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(2, "0")}`);
  it.each([
    [8, undefined, 0, false],
    [9, undefined, 0, true],
    [8, undefined, 5, false],
    [1, 1, 0, false],
    [2, 1, 0, true],
  ])(
    "with %i solid reports (maxSpanOfControl %s) and %i dotted fires: %s",
    (solid, max, dotted, fires) => {
      const members = team(solid + dotted);
      const findings = findingsOf("org/span-of-control", {
        roles: ["boss", ...members],
        solid: members.slice(0, solid).map((m) => `boss>${m}`),
        dotted: members.slice(solid).map((m) => `boss>${m}`),
        ...(max === undefined ? {} : { settings: { maxSpanOfControl: max } }),
      });
      expect(idsOf(findings)).toEqual(fires ? [[["boss"], []]] : []);
    },
  );
});
