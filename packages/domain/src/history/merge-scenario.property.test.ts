import { type ChartDocument, type Operation, parseChart } from "@rolemap/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOperations } from "../edit/apply-operations";
import { smallChartArbitrary } from "../testing/arbitraries";
import { canonical } from "../testing/canonical";
import { chartPairArb, operationArb } from "../testing/operation-arbitraries";
import { mergeScenario } from "./merge-scenario";

/**
 * Properties of promote's merge over random charts and random edits on both sides. On a
 * failure fast-check prints the seed and the shrunk counterexample.
 */

const RUNS = { numRuns: 200 };

/** Applies batches in turn, skipping the ones that do not apply; the operations applied. */
function applyBatches(chart: ChartDocument, batches: readonly Operation[][]) {
  let document = chart;
  const applied: Operation[] = [];
  for (const operations of batches) {
    const result = applyOperations(document, operations);
    if (!result.ok) continue;
    document = result.document;
    applied.push(...operations);
  }
  return { document, operations: applied };
}

/** Up to eight edits of a chart, each its own batch (one that does not apply is skipped). */
const editsArb = (chart: ChartDocument) =>
  fc.array(
    operationArb(chart).map((operation) => [operation]),
    { maxLength: 8 },
  );

/** The chart after up to eight random edits. */
const editedArb = (chart: ChartDocument) =>
  editsArb(chart).map((batches) => applyBatches(chart, batches).document);

/** The same content whatever the order of the lists. */
function sortedContent(document: ChartDocument): string {
  const by = <T>(rows: readonly T[]) =>
    rows.map((row) => canonical(row)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return canonical({
    ...document,
    roles: by(document.roles),
    reportingLines: by(document.reportingLines),
    responsibilities: by(document.responsibilities),
    assignments: by(document.assignments),
  });
}

/** The part of a chart one side may edit: its roles and rows, and the links among them. */
function partOf(chart: ChartDocument, roles: Set<string>, rows: Set<string>): ChartDocument {
  return {
    ...chart,
    roles: chart.roles.filter((role) => roles.has(role.id)),
    responsibilities: chart.responsibilities.filter((row) => rows.has(row.id)),
    reportingLines: chart.reportingLines.filter(
      (line) => roles.has(line.manager) && roles.has(line.report),
    ),
    assignments: chart.assignments.filter((a) => roles.has(a.role) && rows.has(a.responsibility)),
  };
}

/** The original's new roles and rows get ids of their own ("rid_new1" → "rid_cur1"). */
const ownIds = (operations: Operation[]): Operation[] =>
  JSON.parse(
    JSON.stringify(operations).replaceAll("rid_new", "rid_cur").replaceAll("res_new", "res_cur"),
  );

/**
 * A base chart split in two (each role and row goes to one side) and edits of each side's
 * part only (links within it); the chart's name and settings are the scenario's to change.
 */
const disjointArb = smallChartArbitrary.chain((base) =>
  fc
    .record({
      roleSides: fc.array(fc.boolean(), {
        minLength: base.roles.length,
        maxLength: base.roles.length,
      }),
      rowSides: fc.array(fc.boolean(), {
        minLength: base.responsibilities.length,
        maxLength: base.responsibilities.length,
      }),
    })
    .chain(({ roleSides, rowSides }) => {
      const side = (flag: boolean) =>
        partOf(
          base,
          new Set(base.roles.filter((_, i) => roleSides[i] === flag).map((role) => role.id)),
          new Set(
            base.responsibilities.filter((_, i) => rowSides[i] === flag).map((row) => row.id),
          ),
        );
      return fc.tuple(fc.constant(base), editsArb(side(true)), editsArb(side(false)));
    })
    .map(([chart, scenarioBatches, currentBatches]) => {
      const scenario = applyBatches(chart, scenarioBatches);
      const current = applyBatches(
        chart,
        currentBatches.map((batch) => ownIds(batch.filter((op) => op.op !== "updateChart"))),
      );
      return { base: chart, scenario, current };
    }),
);

describe("mergeScenario", { timeout: 120_000 }, () => {
  it("gives the scenario exactly when the original did not change since the base", () => {
    fc.assert(
      fc.property(chartPairArb, ([base, scenario]) => {
        const merged = mergeScenario(base, scenario, structuredClone(base));
        expect(merged.ok).toBe(true);
        if (!merged.ok) return;
        expect(canonical(merged.document)).toBe(canonical(scenario));
        const replayed = applyOperations(base, merged.operations);
        expect(replayed.ok && canonical(replayed.document)).toBe(canonical(scenario));
      }),
      RUNS,
    );
  });

  it("gives the original exactly when the scenario did not change", () => {
    fc.assert(
      fc.property(chartPairArb, ([base, current]) => {
        const merged = mergeScenario(base, structuredClone(base), current);
        expect(merged).toEqual({ ok: true, operations: [], document: current });
      }),
      RUNS,
    );
  });

  it("keeps both sides' changes when they changed different things", () => {
    fc.assert(
      fc.property(disjointArb, ({ base, scenario, current }) => {
        const merged = mergeScenario(base, scenario.document, current.document);
        // Disjoint edits commute: the original's, then the scenario's (unless a row index of
        // the scenario's is past the end of the original's shorter list).
        const both = applyOperations(current.document, scenario.operations);
        fc.pre(both.ok);
        if (!merged.ok) {
          // Each side's moves are fine alone; together they may close a cycle.
          for (const conflict of merged.conflicts)
            expect(conflict.message).toMatch(/ puts .* under /);
          return;
        }
        if (both.ok) expect(sortedContent(merged.document)).toBe(sortedContent(both.document));
      }),
      RUNS,
    );
  });

  it("takes the same change made on both sides once, without a conflict", () => {
    fc.assert(
      fc.property(
        smallChartArbitrary.chain((base) => fc.tuple(fc.constant(base), editedArb(base))),
        ([base, changed]) => {
          const merged = mergeScenario(base, changed, structuredClone(changed));
          expect(merged.ok).toBe(true);
          if (merged.ok) expect(sortedContent(merged.document)).toBe(sortedContent(changed));
        },
      ),
      RUNS,
    );
  });

  it("without conflicts, gives operations that turn the original into a valid merged chart", () => {
    const triples = smallChartArbitrary.chain((base) =>
      fc.tuple(fc.constant(base), editedArb(base), editedArb(base)),
    );
    fc.assert(
      fc.property(triples, ([base, scenario, current]) => {
        const merged = mergeScenario(base, scenario, current);
        expect(mergeScenario(base, scenario, current)).toEqual(merged);
        if (!merged.ok) {
          expect(merged.conflicts.length).toBeGreaterThan(0);
          return;
        }
        const replayed = applyOperations(current, merged.operations);
        expect(replayed.ok).toBe(true);
        if (replayed.ok) expect(canonical(replayed.document)).toBe(canonical(merged.document));
        // The edits may set a blank chart name (checked by the contract, not the engine).
        if (parseChart(scenario).ok && parseChart(current).ok)
          expect(parseChart(merged.document).ok).toBe(true);
      }),
      { numRuns: 2 * RUNS.numRuns },
    );
  });
});
