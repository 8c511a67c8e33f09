import type { ChartDocument, Operation } from "@rolemap/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChartDiff } from "../testing/apply-chart-diff";
import { largeChartArbitrary, smallChartArbitrary } from "../testing/arbitraries";
import { canonical } from "../testing/canonical";
import {
  batchArb,
  chartPairArb,
  editArb,
  editChainArb,
  operationArb,
} from "../testing/operation-arbitraries";
import { applyOperations } from "./apply-operations";
import { diffByOperations } from "./diff-by-operations";
import {
  assignmentKeyOf,
  type ChartDiff,
  diffCharts,
  lineKeyOf,
  type OrderedDiff,
  type TupleDiff,
} from "./diff-charts";

/** Ordered diffs with each list sorted by id, so two diffs compare whatever their order. */
const sortedRows = <T extends { id: string }>(diff: OrderedDiff<T>) => {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return canonical({
    added: diff.added.map(({ item, index }) => ({ id: item.id, item, index })).sort(byId),
    updated: diff.updated.map(({ item, index }) => ({ id: item.id, item, index })).sort(byId),
    moved: [...diff.moved].sort(byId),
    removed: [...diff.removed].sort(),
  });
};

/** Keys of the rows a tuple diff really adds and removes, rows both removed and added aside. */
function netTuples<T>(diff: TupleDiff<T>, keyOf: (row: T) => string) {
  const added = diff.added.map(keyOf);
  const removed = diff.removed.map(keyOf);
  return {
    added: added.filter((key) => !removed.includes(key)).sort(),
    removed: removed.filter((key) => !added.includes(key)).sort(),
  };
}

/** As small as diffCharts: the same rows, settings and name; lines and assignments appended. */
function expectNoBiggerThanDiffCharts(diff: ChartDiff, full: ChartDiff) {
  expect(diff.name).toBe(full.name);
  expect(canonical(diff.settings)).toBe(canonical(full.settings));
  expect(sortedRows(diff.roles)).toBe(sortedRows(full.roles));
  expect(sortedRows(diff.responsibilities)).toBe(sortedRows(full.responsibilities));
  for (const [mine, theirs, keyOf] of [
    [diff.reportingLines, full.reportingLines, lineKeyOf],
    [diff.assignments, full.assignments, assignmentKeyOf],
  ] as const) {
    expect(mine.reordered).toBe(false);
    const net = netTuples<unknown>(mine, keyOf as (row: unknown) => string);
    expect(net.added).toStrictEqual(theirs.added.map(keyOf as (row: unknown) => string).sort());
    expect(net.removed).toStrictEqual(theirs.removed.map(keyOf as (row: unknown) => string).sort());
  }
}

function checkBatch(chart: ChartDocument, operations: readonly Operation[]) {
  const result = applyOperations(chart, operations);
  if (!result.ok) return;
  const after = result.document;
  const diff = diffByOperations(chart, after, operations);
  expect(applyChartDiff(chart, diff, after)).toEqual(after);
  expectNoBiggerThanDiffCharts(diff, diffCharts(chart, after));
}

describe("diffByOperations", { timeout: 60_000 }, () => {
  it("writes exactly the batch's result, with no more rows than diffCharts", () => {
    fc.assert(
      fc.property(editArb(), ([chart, operations]) => checkBatch(chart, operations)),
      { numRuns: 300 },
    );
  });

  it("does so on larger charts", () => {
    fc.assert(
      fc.property(
        largeChartArbitrary.chain((chart) => fc.tuple(fc.constant(chart), batchArb(chart))),
        ([chart, operations]) => checkBatch(chart, operations),
      ),
      { numRuns: 60 },
    );
  });

  it("does so for batches long enough to fall back to full diffs", () => {
    fc.assert(
      fc.property(
        smallChartArbitrary.chain((chart) =>
          fc.tuple(
            fc.constant(chart),
            fc.array(operationArb(chart), { minLength: 65, maxLength: 90 }),
          ),
        ),
        ([chart, operations]) => {
          // Long random batches nearly always fail; keep the operations that apply.
          const kept: Operation[] = [];
          let document = chart;
          for (const operation of operations) {
            const step = applyOperations(document, [operation]);
            if (step.ok) {
              kept.push(operation);
              document = step.document;
            }
          }
          checkBatch(chart, kept);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("is replayed exactly across a chain of batches", () => {
    fc.assert(
      fc.property(editChainArb, (steps) => {
        for (const { before, operations, after } of steps) {
          const diff = diffByOperations(before, after, operations);
          expect(applyChartDiff(before, diff, after)).toEqual(after);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("reports exactly one updated role for an updateRole that changes it", () => {
    fc.assert(
      fc.property(
        smallChartArbitrary
          .filter((chart) => chart.roles.length > 0)
          .chain((chart) =>
            fc.tuple(
              fc.constant(chart),
              operationArb(chart).filter(
                (op) => op.op === "updateRole" && chart.roles.some((r) => r.id === op.id),
              ),
            ),
          ),
        ([chart, operation]) => {
          const result = applyOperations(chart, [operation]);
          if (!result.ok) return;
          const diff = diffByOperations(chart, result.document, [operation]);
          const changed = canonical(chart.roles) !== canonical(result.document.roles);
          expect(diff.roles.updated).toHaveLength(changed ? 1 : 0);
          const { updated: _, ...rest } = diff.roles;
          expect(rest).toStrictEqual({ added: [], moved: [], removed: [] });
          expect(diff.responsibilities.updated).toHaveLength(0);
          for (const tuples of [diff.reportingLines, diff.assignments])
            expect(tuples).toStrictEqual({ added: [], removed: [], reordered: false });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("the row model (applyChartDiff)", () => {
  it("writes any pair of charts exactly from diffCharts' diff, so it can judge other diffs", () => {
    fc.assert(
      fc.property(chartPairArb, ([stored, next]) => {
        expect(applyChartDiff(stored, diffCharts(stored, next), next)).toEqual(next);
      }),
      { numRuns: 200 },
    );
  });
});
