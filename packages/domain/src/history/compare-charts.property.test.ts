import type { ChartDocument, Comparison } from "@rolemap/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shuffledChart, smallChartArbitrary } from "../testing/arbitraries";
import { chartPairArb } from "../testing/operation-arbitraries";
import { compareCharts } from "./compare-charts";

/**
 * Properties of the diff over random pairs of valid charts (an edit, a shuffle, a thinned
 * copy, two unrelated charts): nothing between a chart and itself, the mirror image when
 * the sides swap, the same answer whatever the documents' order.
 */

const RUNS = { numRuns: 200 };

const EMPTY: Comparison = {
  roles: { added: [], removed: [], changed: [], moved: [] },
  lines: { added: [], removed: [], changed: [] },
  responsibilities: { added: [], removed: [], changed: [] },
  cells: { added: [], removed: [] },
  findings: { fixed: [], new: [] },
  chart: { fields: {} },
};

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);
const reversed = (fields: Record<string, [unknown, unknown]>) =>
  Object.fromEntries(Object.entries(fields).map(([field, [old, now]]) => [field, [now, old]]));
const sortedBy = <T>(rows: readonly T[], key: (row: T) => string) =>
  [...rows].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));

describe("compareCharts", { timeout: 60_000 }, () => {
  it("finds nothing between a chart and itself or a shuffled copy", () => {
    fc.assert(
      fc.property(
        smallChartArbitrary.chain((chart) => fc.tuple(fc.constant(chart), shuffledChart(chart))),
        ([chart, shuffled]) => {
          expect(compareCharts(chart, chart)).toEqual(EMPTY);
          expect(compareCharts(chart, shuffled)).toEqual(EMPTY);
        },
      ),
      RUNS,
    );
  });

  it("swaps added and removed (and old and new) when the sides swap", () => {
    fc.assert(
      fc.property(chartPairArb, ([a, b]) => {
        const forth = compareCharts(a, b);
        const back = compareCharts(b, a);
        expect(back.roles.added).toEqual(forth.roles.removed);
        expect(back.roles.removed).toEqual(forth.roles.added);
        expect(ids(back.roles.changed)).toEqual(ids(forth.roles.changed));
        expect(back.roles.changed.map((role) => role.fields)).toEqual(
          forth.roles.changed.map((role) => reversed(role.fields)),
        );
        expect(back.roles.moved.map(({ id, from, to }) => [id, to, from])).toEqual(
          forth.roles.moved.map(({ id, from, to }) => [id, from, to]),
        );
        expect(back.lines.added).toEqual(forth.lines.removed);
        expect(back.lines.removed).toEqual(forth.lines.added);
        expect(back.lines.changed).toEqual(
          forth.lines.changed.map(({ manager, report, from, to }) => ({
            manager,
            report,
            from: to,
            to: from,
          })),
        );
        expect(back.responsibilities.added).toEqual(forth.responsibilities.removed);
        expect(back.responsibilities.removed).toEqual(forth.responsibilities.added);
        expect(back.cells).toEqual({ added: forth.cells.removed, removed: forth.cells.added });
        expect(back.findings).toEqual({ fixed: forth.findings.new, new: forth.findings.fixed });
        expect(back.chart.fields).toEqual(reversed(forth.chart.fields));
      }),
      RUNS,
    );
  });

  it("gives the same answer whatever the order of either document's lists", () => {
    const shuffledPair = chartPairArb.chain(([a, b]) =>
      fc.tuple(fc.constant(a), fc.constant(b), shuffledChart(a), shuffledChart(b)),
    );
    fc.assert(
      fc.property(shuffledPair, ([a, b, a2, b2]) => {
        const { findings, ...rest } = compareCharts(a, b);
        const shuffled = compareCharts(a2, b2);
        expect({ ...shuffled, findings: undefined }).toEqual({ ...rest, findings: undefined });
        // Findings keep each side's validateChart order, which does not depend on the input's.
        expect(shuffled.findings).toEqual(findings);
      }),
      RUNS,
    );
  });

  it("names only roles and rows of the side they come from, each once per list", () => {
    const has = (document: ChartDocument) => ({
      role: new Set(ids(document.roles)),
      row: new Set(ids(document.responsibilities)),
    });
    fc.assert(
      fc.property(chartPairArb, ([a, b]) => {
        const diff = compareCharts(a, b);
        const [inA, inB] = [has(a), has(b)];
        for (const role of diff.roles.added)
          expect(inB.role.has(role.id) && !inA.role.has(role.id)).toBe(true);
        for (const role of diff.roles.removed)
          expect(inA.role.has(role.id) && !inB.role.has(role.id)).toBe(true);
        for (const role of [...diff.roles.changed, ...diff.roles.moved])
          expect(inA.role.has(role.id) && inB.role.has(role.id)).toBe(true);
        for (const row of diff.responsibilities.added)
          expect(inB.row.has(row.id) && !inA.row.has(row.id)).toBe(true);
        const lists: (readonly { id: string }[])[] = [
          diff.roles.added,
          diff.roles.changed,
          diff.responsibilities.changed,
        ];
        for (const list of lists) {
          expect(new Set(ids(list)).size).toBe(list.length);
          expect(ids(list)).toEqual(ids(sortedBy(list, (row) => row.id)));
        }
      }),
      RUNS,
    );
  });
});
