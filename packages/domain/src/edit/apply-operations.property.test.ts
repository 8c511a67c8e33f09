import type { ChartDocument, Operation } from "@rolemap/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largeChartArbitrary, smallChartArbitrary } from "../testing/arbitraries";
import { INVALID_VALUES, operationArb } from "../testing/operation-arbitraries";
import { applyOperationsByScanning } from "../testing/reference-apply-operations";
import { applyOperations } from "./apply-operations";

/**
 * applyOperations keeps indexes once a batch has looked up enough (editable-rows.ts); the
 * plain version that scans for every lookup (testing/reference-apply-operations.ts) says
 * what the answer must be. Batches here are long enough to build every index, so both ways
 * of finding a row are compared: the same document, or the same issues in the same order.
 */

const RUNS = { numRuns: 150 };

const longBatchArb = (
  chart: ChartDocument,
  values = undefined as typeof INVALID_VALUES | undefined,
) => fc.array(operationArb(chart, values), { minLength: 20, maxLength: 80 });

function sameAsScanning(chart: ChartDocument, operations: Operation[]): void {
  expect(applyOperations(chart, operations)).toStrictEqual(
    applyOperationsByScanning(chart, operations),
  );
}

describe("applyOperations with indexes", () => {
  it("answers as the scanning version does, over batches long enough to build every index", () => {
    fc.assert(
      fc.property(
        smallChartArbitrary.chain((chart) => fc.tuple(fc.constant(chart), longBatchArb(chart))),
        ([chart, operations]) => sameAsScanning(chart, operations),
      ),
      RUNS,
    );
  });

  it("answers as the scanning version does on larger charts and odd values", () => {
    fc.assert(
      fc.property(
        largeChartArbitrary.chain((chart) =>
          fc.tuple(fc.constant(chart), longBatchArb(chart, INVALID_VALUES)),
        ),
        ([chart, operations]) => sameAsScanning(chart, operations),
      ),
      { numRuns: 40 },
    );
  });

  it("answers as the scanning version does when each operation applies alone", () => {
    // Failed operations change nothing, so a long run of ones that apply tests the indexes
    // through many real changes.
    fc.assert(
      fc.property(
        smallChartArbitrary.chain((chart) => fc.tuple(fc.constant(chart), longBatchArb(chart))),
        ([chart, operations]) => {
          const applying: Operation[] = [];
          let document = chart;
          for (const operation of operations) {
            const step = applyOperationsByScanning(document, [operation]);
            if (!step.ok) continue;
            applying.push(operation);
            document = step.document;
          }
          expect(applyOperations(chart, applying)).toStrictEqual({ ok: true, document });
        },
      ),
      RUNS,
    );
  });

  it("keeps the scanning answer for a chart that repeats ids, lines and assignments", () => {
    // Not a valid chart (the contract refuses it), but the engine must not guess.
    const chart: ChartDocument = {
      format: "rolemap.chart/v1",
      name: "Repeats",
      roles: [
        { id: "a", title: "A" },
        { id: "b", title: "B" },
        { id: "a", title: "A again" },
      ],
      reportingLines: Array.from({ length: 3 }, () => ({
        manager: "a",
        report: "b",
        kind: "solid" as const,
      })),
      responsibilities: [{ id: "r", name: "R" }],
      assignments: Array.from({ length: 3 }, () => ({
        role: "b",
        responsibility: "r",
        code: "R" as const,
      })),
    };
    const lookups: Operation[] = Array.from({ length: 12 }, (_, n) => ({
      op: "updateRole",
      id: n % 2 === 0 ? "a" : "b",
      changes: { title: `T${n}` },
    }));
    for (const tail of [
      [{ op: "removeLine", line: { manager: "a", report: "b", kind: "solid" } }],
      [{ op: "removeAssignment", assignment: { role: "b", responsibility: "r", code: "R" } }],
      [{ op: "removeRole", id: "a" }],
      [{ op: "addLine", line: { manager: "b", report: "a", kind: "dotted" } }],
    ] satisfies Operation[][]) {
      const probes: Operation[] = Array.from({ length: 12 }, () => ({
        op: "addAssignment",
        assignment: { role: "a", responsibility: "r", code: "I" },
      }));
      sameAsScanning(chart, [...lookups, ...probes, ...tail, ...lookups]);
    }
  });
});
