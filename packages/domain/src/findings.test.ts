import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listLabels, listNames, sortIds } from "./findings";

describe("sortIds", () => {
  it.each<[string[], string[]]>([
    [[], []],
    [["b"], ["b"]],
    [
      ["b", "a", "b", "C"],
      ["C", "a", "b"],
    ],
  ])("sorts %j by code unit and drops repeats", (ids, sorted) => {
    expect(sortIds(ids)).toEqual(sorted);
    expect(sortIds(new Set(ids))).toEqual(sorted);
  });

  it("never returns its input array", () => {
    const one = ["a"];
    expect(sortIds(one)).not.toBe(one);
  });
});

describe("listLabels", () => {
  const label = (id: string) => `Role ${id.toUpperCase()}`;

  it("names the first eight in id order and counts the rest", () => {
    const ids = Array.from({ length: 11 }, (_, i) => `r${String(i).padStart(2, "0")}`);
    expect(listLabels(ids.reverse(), label)).toBe(
      "Role R00, Role R01, Role R02, Role R03, Role R04, Role R05, Role R06, Role R07 and 3 more",
    );
  });

  it("says what listNames of every sorted label says, labelling only what it shows", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 20 }), (ids) => {
        const labelled: string[] = [];
        const counting = (id: string) => {
          labelled.push(id);
          return label(id);
        };
        expect(listLabels(ids, counting)).toBe(listNames(sortIds(ids).map(label)));
        expect(labelled.length).toBeLessThanOrEqual(8);
      }),
    );
  });
});
