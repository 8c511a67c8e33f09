import type { ChartDocument } from "@rolemap/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largeChartArbitrary, smallChartArbitrary } from "../testing/arbitraries";
import { chartPairArb } from "../testing/operation-arbitraries";
import { applyOperations } from "./apply-operations";
import { sameJson } from "./diff-charts";
import { operationsBetween } from "./operations-between";

function expectReplayed(before: ChartDocument, after: ChartDocument) {
  const result = applyOperations(before, operationsBetween(before, after));
  expect(result.ok).toBe(true);
  // toEqual: an absent optional field and one set to undefined are the same document.
  if (result.ok) {
    expect(result.document).toEqual(after);
    expect(sameJson(result.document, after)).toBe(true);
  }
}

describe("operationsBetween", { timeout: 60_000 }, () => {
  it("turns one chart into another exactly: edits, shuffles, thinned copies, unrelated charts", () => {
    fc.assert(
      fc.property(chartPairArb, ([before, after]) => expectReplayed(before, after)),
      { numRuns: 400 },
    );
  });

  it("does so for larger unrelated charts", () => {
    fc.assert(fc.property(largeChartArbitrary, largeChartArbitrary, expectReplayed), {
      numRuns: 40,
    });
  });

  it("gives no operation between a chart and itself or a deep copy", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (chart) => {
        expect(operationsBetween(chart, chart)).toStrictEqual([]);
        expect(operationsBetween(chart, structuredClone(chart))).toStrictEqual([]);
      }),
    );
  });
});
