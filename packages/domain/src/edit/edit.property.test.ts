import {
  type Assignment,
  type ChartDocument,
  type InputIssue,
  OperationSchema,
  parseChart,
  type ReportingLine,
  type Role,
} from "@rolemap/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChartDiff } from "../testing/apply-chart-diff";
import { smallChartArbitrary } from "../testing/arbitraries";
import { canonical } from "../testing/canonical";
import { sketchChart } from "../testing/chart-builder";
import {
  chartPairArb,
  editArb,
  editChainArb,
  INVALID_VALUES,
} from "../testing/operation-arbitraries";
import { applyOperations } from "./apply-operations";
import {
  type ChartDiff,
  diffCharts,
  isEmptyDiff,
  type OrderedDiff,
  type TupleDiff,
} from "./diff-charts";

/**
 * Properties of the edit engine over random valid charts and random, mostly valid batches
 * of operations (they name ids the chart has, and now and then a fresh or a stale one). On
 * a failure fast-check prints the seed and the shrunk counterexample; rerun with
 * `{ seed, path }` added to the parameters.
 */

const RUNS = { numRuns: 100 };

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const lineKey = (line: ReportingLine) => canonical([line.manager, line.report, line.kind]);
const assignmentKey = (a: Assignment) => canonical([a.role, a.responsibility, a.code]);

/** The issues the contract gives a document whose only problem is its name. */
function nameIssues(name: string): InputIssue[] {
  if (name.trim().length === 0) return [{ path: "name", message: "name must not be blank" }];
  if (name.trim().length > 200)
    return [{ path: "name", message: "name must be at most 200 characters" }];
  return [];
}

/**
 * Paths of problems with a single field's value. A reference problem (unknown id,
 * duplicate id, self-line, duplicate line or assignment) is at `roles[i].id`,
 * `responsibilities[i].id`, `reportingLines[i]…` or `assignments[i]…`: never one of these.
 */
const FIELD_VALUE_PATH =
  /^(name|roles\[\d+\]\.(title|position\.[xy])|responsibilities\[\d+\]\.name|settings\.\w+)$/;

const operationIndex = (issue: InputIssue) => Number(/^operations\[(\d+)\]/.exec(issue.path)?.[1]);

// ---------------------------------------------------------------------------------------
// Persistence simulator: the row model of src/testing, plus checks that a diff is tight
// ---------------------------------------------------------------------------------------

/** Each id named once; no update that changes nothing, no move that keeps the position. */
function expectTightRows<T extends { id: string }>(
  stored: readonly T[],
  diff: OrderedDiff<T>,
  what: string,
) {
  const named = [
    ...diff.removed,
    ...diff.updated.map(({ item }) => item.id),
    ...diff.moved.map(({ id }) => id),
    ...diff.added.map(({ item }) => item.id),
  ];
  expect(new Set(named).size, `a ${what} is named twice in the diff`).toBe(named.length);
  for (const { item } of diff.updated) {
    const row = stored.find((candidate) => candidate.id === item.id);
    expect(canonical(row), `updated ${what} "${item.id}" did not change`).not.toBe(canonical(item));
  }
  for (const { id, index } of diff.moved)
    expect(
      stored.findIndex((row) => row.id === id),
      `moved ${what} "${id}" kept its position`,
    ).not.toBe(index);
}

/**
 * Added and removed describe exactly the content change, and `reordered` is set exactly
 * when appending would give the wrong order.
 */
function expectTightTuples<T>(
  stored: readonly T[],
  diff: TupleDiff<T>,
  written: readonly T[],
  keyOf: (item: T) => string,
  what: string,
) {
  const storedKeys = new Set(stored.map(keyOf));
  const writtenKeys = new Set(written.map(keyOf));
  const removedKeys = new Set(diff.removed.map(keyOf));
  for (const item of diff.removed)
    expect(writtenKeys.has(keyOf(item)), `removed ${what} ${keyOf(item)} is still there`).toBe(
      false,
    );
  for (const item of diff.added)
    expect(storedKeys.has(keyOf(item)), `added ${what} ${keyOf(item)} is already stored`).toBe(
      false,
    );
  const appended = [...stored.filter((item) => !removedKeys.has(keyOf(item))), ...diff.added];
  expect(
    appended.map(keyOf).sort(),
    `added/removed ${what} do not match the new content`,
  ).toStrictEqual(written.map(keyOf).sort());
  const appendGivesOrder = canonical(appended.map(keyOf)) === canonical(written.map(keyOf));
  expect(diff.reordered, `${what} reordered flag`).toBe(!appendGivesOrder);
}

/** Replays a diff on the stored chart, as the database layer does, checking it is tight. */
function persist(stored: ChartDocument, diff: ChartDiff, next: ChartDocument): ChartDocument {
  if ("name" in diff) expect(diff.name, "name in diff but unchanged").not.toBe(stored.name);
  if ("settings" in diff)
    expect(canonical(diff.settings ?? null), "settings in diff but unchanged").not.toBe(
      canonical(stored.settings ?? null),
    );
  expectTightRows(stored.roles, diff.roles, "role");
  expectTightRows(stored.responsibilities, diff.responsibilities, "responsibility");
  const result = applyChartDiff(stored, diff, next);
  expectTightTuples(
    stored.reportingLines,
    diff.reportingLines,
    next.reportingLines,
    lineKey,
    "line",
  );
  expectTightTuples(
    stored.assignments,
    diff.assignments,
    next.assignments,
    assignmentKey,
    "assignment",
  );
  return result;
}

/** The same document with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reversedKeys(child)]),
  ) as T;
}

// ---------------------------------------------------------------------------------------

describe("applyOperations", { timeout: 30_000 }, () => {
  it("generates operations the operation schema accepts", () => {
    fc.assert(
      fc.property(editArb(), ([, operations]) => {
        for (const operation of operations)
          expect(OperationSchema.safeParse(operation).success, canonical(operation)).toBe(true);
      }),
      RUNS,
    );
  });

  it("returns a document that parses, or whose only problem is a blank or over-long name", () => {
    fc.assert(
      fc.property(editArb(), ([chart, operations]) => {
        const result = applyOperations(chart, operations);
        if (!result.ok) return;
        const parsed = parseChart(result.document);
        // toEqual: zod returns plain objects, the arbitraries make null-prototype ones.
        if (parsed.ok) expect(parsed.value).toEqual(result.document);
        else expect(parsed.issues).toStrictEqual(nameIssues(result.document.name));
      }),
      RUNS,
    );
  });

  it("leaves field values to the contract but never produces a reference problem", () => {
    fc.assert(
      fc.property(editArb(INVALID_VALUES), ([chart, operations]) => {
        const result = applyOperations(chart, operations);
        if (!result.ok) return;
        const parsed = parseChart(result.document);
        if (parsed.ok) return;
        for (const issue of parsed.issues)
          expect(issue.path, `${issue.path}: ${issue.message}`).toMatch(FIELD_VALUE_PATH);
      }),
      RUNS,
    );
  });

  it("succeeds often enough on generated batches for the properties to mean something", () => {
    let succeeded = 0;
    fc.assert(
      fc.property(editArb(), ([chart, operations]) => {
        if (applyOperations(chart, operations).ok) succeeded += 1;
      }),
      { ...RUNS, seed: 42 },
    );
    expect(succeeded).toBeGreaterThan(RUNS.numRuns / 5);
  });

  it("gives the same result as applying the operations one at a time", () => {
    fc.assert(
      fc.property(editArb(), ([chart, operations]) => {
        const batch = applyOperations(chart, operations);
        let document = chart;
        let firstFailure: number | undefined;
        for (const [at, operation] of operations.entries()) {
          const step = applyOperations(document, [operation]);
          if (!step.ok) {
            firstFailure = at;
            break;
          }
          document = step.document;
        }
        if (firstFailure === undefined) expect(batch).toStrictEqual({ ok: true, document });
        else {
          expect(batch.ok).toBe(false);
          if (!batch.ok) expect(operationIndex(batch.issues[0] as InputIssue)).toBe(firstFailure);
        }
      }),
      RUNS,
    );
  });

  it("names only operations of the batch, in batch order, when it fails", () => {
    fc.assert(
      fc.property(editArb(), ([chart, operations]) => {
        const result = applyOperations(chart, operations);
        if (result.ok) return;
        expect(result.issues.length).toBeGreaterThan(0);
        const indexes = result.issues.map(operationIndex);
        for (const index of indexes) expect(index).toBeLessThan(operations.length);
        expect(indexes).toStrictEqual([...indexes].sort((a, b) => a - b));
      }),
      RUNS,
    );
  });

  it("never changes the input document or the operations", () => {
    fc.assert(
      fc.property(editArb(INVALID_VALUES), ([chart, operations]) => {
        const input = deepFreeze(structuredClone(chart));
        const frozenOperations = deepFreeze(structuredClone(operations));
        applyOperations(input, frozenOperations);
        // toEqual: structuredClone gives plain objects where the arbitraries made
        // null-prototype ones; the values must still be the same.
        expect(input).toEqual(chart);
        expect(frozenOperations).toEqual(operations);
      }),
      RUNS,
    );
  });

  it("returns an equal document for an updateChart that changes nothing", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (chart) => {
        expect(applyOperations(chart, [{ op: "updateChart" }])).toStrictEqual({
          ok: true,
          document: chart,
        });
      }),
      RUNS,
    );
  });
});

describe("diffCharts", { timeout: 30_000 }, () => {
  it("is empty between a chart and itself, a deep copy, or a copy with keys in another order", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (chart) => {
        expect(isEmptyDiff(diffCharts(chart, chart))).toBe(true);
        expect(isEmptyDiff(diffCharts(chart, structuredClone(chart)))).toBe(true);
        expect(isEmptyDiff(diffCharts(chart, reversedKeys(chart)))).toBe(true);
      }),
      RUNS,
    );
  });

  it("is replayed by the persistence layer into exactly the new document", () => {
    fc.assert(
      fc.property(chartPairArb, ([stored, next]) => {
        const diff = diffCharts(stored, next);
        // toEqual: key order, prototypes and undefined-valued keys do not survive a round
        // trip through the database either; values and array order must.
        expect(persist(stored, diff, next)).toEqual(next);
        expect(isEmptyDiff(diff)).toBe(canonical(stored) === canonical(next));
      }),
      { numRuns: 200 },
    );
  });

  it("is replayed exactly across a chain of edit batches", () => {
    fc.assert(
      fc.property(editChainArb, (steps) => {
        for (const { before, after } of steps)
          expect(persist(before, diffCharts(before, after), after)).toEqual(after);
      }),
      RUNS,
    );
  });
});

describe("the persistence simulator", () => {
  const stored = sketchChart({
    roles: ["ceo", "cio", "cto"],
    solid: ["ceo>cio", "ceo>cto"],
    responsibilities: ["infra"],
    assign: ["cio:infra:A", "cto:infra:R"],
  });
  const [ceo, cio, cto] = stored.roles as [Role, Role, Role];

  it("replays a diff with a move, an update, an add, a removal and a reorder", () => {
    const next: ChartDocument = {
      ...stored,
      roles: [cto, { ...ceo, holder: null }, { id: "cdo", title: "CDO" }],
      reportingLines: [...stored.reportingLines].reverse(),
      assignments: [
        stored.assignments[0] as Assignment,
        { role: "ceo", responsibility: "infra", code: "I" },
      ],
    };
    expect(persist(stored, diffCharts(stored, next), next)).toEqual(next);
  });

  it("notices a diff that leaves out a move", () => {
    const next = { ...stored, roles: [cio, ceo, cto] };
    const diff = diffCharts(stored, next);
    const broken = { ...diff, roles: { ...diff.roles, moved: [] } };
    expect(persist(stored, broken, next)).not.toEqual(next);
  });

  it("notices a diff that leaves out an update", () => {
    const next = { ...stored, roles: [ceo, { ...cio, title: "Chief" }, cto] };
    const diff = diffCharts(stored, next);
    const broken = { ...diff, roles: { ...diff.roles, updated: [] } };
    expect(persist(stored, broken, next)).not.toEqual(next);
  });

  it("notices two rows given the same position", () => {
    const next = { ...stored, roles: [{ id: "cdo", title: "CDO" }, ceo, cio, cto] };
    const diff = diffCharts(stored, next);
    const broken = { ...diff, roles: { ...diff.roles, moved: [] } };
    expect(() => persist(stored, broken, next)).toThrow(/positions/);
  });

  it("notices a reorder the diff does not flag", () => {
    const next = { ...stored, reportingLines: [...stored.reportingLines].reverse() };
    const diff = diffCharts(stored, next);
    const broken = { ...diff, reportingLines: { ...diff.reportingLines, reordered: false } };
    expect(() => persist(stored, broken, next)).toThrow(/reordered/);
  });

  it("notices a reorder flag where appending would do", () => {
    const line: ReportingLine = { manager: "cio", report: "cto", kind: "dotted" };
    const next = { ...stored, reportingLines: [...stored.reportingLines, line] };
    const diff = diffCharts(stored, next);
    const broken = { ...diff, reportingLines: { ...diff.reportingLines, reordered: true } };
    expect(() => persist(stored, broken, next)).toThrow(/reordered/);
  });

  it("notices an added assignment the diff does not list", () => {
    const added: Assignment = { role: "ceo", responsibility: "infra", code: "I" };
    const next = { ...stored, assignments: [...stored.assignments, added] };
    const diff = diffCharts(stored, next);
    const broken = { ...diff, assignments: { ...diff.assignments, added: [] } };
    expect(() => persist(stored, broken, next)).toThrow(/new content/);
  });
});
