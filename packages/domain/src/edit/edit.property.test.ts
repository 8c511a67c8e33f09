import {
  type Assignment,
  type ChartDocument,
  type InputIssue,
  type Operation,
  OperationSchema,
  type Position,
  parseChart,
  type ReportingLine,
  type Responsibility,
  type Role,
  type Settings,
} from "@rolemap/contract";
import { LINE_KINDS, RACI_CODES } from "@rolemap/contract/constants";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RESPONSIBILITY_ID_PREFIX,
  ROLE_ID_PREFIX,
  shuffledChart,
  smallChartArbitrary,
} from "../testing/arbitraries";
import { sketchChart } from "../testing/chart-builder";
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

/** JSON text with object keys sorted: equal for equal JSON values, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const lineKey = (line: ReportingLine) => canonical([line.manager, line.report, line.kind]);
const assignmentKey = (a: Assignment) => canonical([a.role, a.responsibility, a.code]);

// ---------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------

/** Ids no generated chart has (the arbitraries' suffixes never contain "n", "e" or "w"). */
const FRESH_ROLE_IDS = [`${ROLE_ID_PREFIX}new1`, `${ROLE_ID_PREFIX}new2`] as const;
const FRESH_RESPONSIBILITY_IDS = [
  `${RESPONSIBILITY_ID_PREFIX}new1`,
  `${RESPONSIBILITY_ID_PREFIX}new2`,
] as const;

/** Mostly one of `known`, now and then one of `others`. */
function mostly<T>(known: readonly T[], others: readonly T[], otherWeight = 1): fc.Arbitrary<T> {
  if (known.length === 0) return fc.constantFrom(...others);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...known) },
    { weight: otherWeight, arbitrary: fc.constantFrom(...others) },
  );
}

/** fc.record with ordinary objects (fast-check makes null-prototype ones by default). */
const record = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  fc.record(model, { noNullPrototype: true });

const positionArb = record({
  x: fc.integer({ min: -500, max: 500 }),
  y: fc.integer({ min: -500, max: 500 }),
});

const settingsArb: fc.Arbitrary<Settings> = fc.record(
  {
    maxResponsible: fc.integer({ min: 1, max: 5 }),
    maxConsulted: fc.integer({ min: 0, max: 5 }),
    maxAccountablePerRole: fc.integer({ min: 1, max: 5 }),
    maxSpanOfControl: fc.integer({ min: 1, max: 5 }),
  },
  { requiredKeys: [], noNullPrototype: true },
);

/**
 * Field values the chart schema accepts, except the chart name: `updateChart.name` is a
 * plain string in the operation schema, so a blank or over-long name passes both the
 * operation schema and `applyOperations` and is only caught when the API re-parses.
 */
interface FieldValues {
  title: fc.Arbitrary<string>;
  name: fc.Arbitrary<string>;
  position: fc.Arbitrary<Position>;
  settings: fc.Arbitrary<Settings>;
  chartName: fc.Arbitrary<string>;
}

const VALID_VALUES: FieldValues = {
  title: fc.constantFrom("Head of IT", "CTO", "Engineer"),
  name: fc.constantFrom("Data governance", "Budget", "Hiring"),
  position: positionArb,
  settings: settingsArb,
  chartName: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("Renamed chart", "  Padded  ") },
    { weight: 2, arbitrary: fc.constantFrom("", "   ", "x".repeat(201)) },
  ),
};

/**
 * Field values that break the chart schema. The operation schema would reject most of
 * them, but a caller of the engine may skip it: the engine does not check field values, the
 * contract does when the result is re-parsed.
 */
const INVALID_VALUES: FieldValues = {
  title: fc.constantFrom("Head of IT", "", "t".repeat(201)),
  name: fc.constantFrom("Budget", "", "n".repeat(201)),
  position: fc.oneof(
    positionArb,
    fc.constantFrom({ x: Number.POSITIVE_INFINITY, y: 0 }, { x: 0, y: Number.NaN }),
  ),
  settings: fc.oneof(
    settingsArb,
    fc.constantFrom<Settings>(
      { maxResponsible: 0 },
      { maxSpanOfControl: 1.5 },
      { maxConsulted: -1 },
    ),
  ),
  chartName: VALID_VALUES.chartName,
};

function operationArb(
  chart: ChartDocument,
  values: FieldValues = VALID_VALUES,
): fc.Arbitrary<Operation> {
  const roleIds = chart.roles.map((role) => role.id);
  const responsibilityIds = chart.responsibilities.map((r) => r.id);
  const someRole = mostly(roleIds, FRESH_ROLE_IDS);
  const someResponsibility = mostly(responsibilityIds, FRESH_RESPONSIBILITY_IDS);
  const newRoleId = mostly(FRESH_ROLE_IDS, roleIds.length > 0 ? roleIds : FRESH_ROLE_IDS);
  const newResponsibilityId = mostly(
    FRESH_RESPONSIBILITY_IDS,
    responsibilityIds.length > 0 ? responsibilityIds : FRESH_RESPONSIBILITY_IDS,
  );
  const builtLine = record({
    manager: someRole,
    report: someRole,
    kind: fc.constantFrom(...LINE_KINDS),
  });
  const someLine = mostly<ReportingLine | number>(chart.reportingLines, [0]).chain((line) =>
    typeof line === "number" ? builtLine : fc.constant(line),
  );
  const builtAssignment = record({
    role: someRole,
    responsibility: someResponsibility,
    code: fc.constantFrom(...RACI_CODES),
  });
  const someAssignment = mostly<Assignment | number>(chart.assignments, [0]).chain((assignment) =>
    typeof assignment === "number" ? builtAssignment : fc.constant(assignment),
  );
  const holder = fc.constantFrom("Dana Smith", "", null);
  const text = fc.constantFrom("IT", "Interim");
  const count = chart.responsibilities.length;

  const role: fc.Arbitrary<Role> = fc.record(
    { id: newRoleId, title: values.title, holder, department: text, position: values.position },
    { requiredKeys: ["id", "title"], noNullPrototype: true },
  );
  const responsibility: fc.Arbitrary<Responsibility> = fc.record(
    { id: newResponsibilityId, name: values.name, category: text, description: text },
    { requiredKeys: ["id", "name"], noNullPrototype: true },
  );

  return fc.oneof(
    record({ op: fc.constant("addRole" as const), role }),
    record({
      op: fc.constant("updateRole" as const),
      id: someRole,
      changes: fc.record(
        {
          title: values.title,
          holder,
          department: fc.option(text, { nil: null }),
          notes: fc.option(text, { nil: null }),
          position: fc.option(values.position, { nil: null }),
        },
        { requiredKeys: [], noNullPrototype: true },
      ),
    }),
    record({ op: fc.constant("removeRole" as const), id: someRole }),
    fc.record(
      {
        op: fc.constant("moveRole" as const),
        id: someRole,
        position: values.position,
        manager: fc.option(someRole, { nil: null, freq: 4 }),
      },
      { requiredKeys: ["op", "id"], noNullPrototype: true },
    ),
    record({ op: fc.constant("addLine" as const), line: builtLine }),
    record({
      op: fc.constant("updateLine" as const),
      line: someLine,
      kind: fc.constantFrom(...LINE_KINDS),
    }),
    record({ op: fc.constant("removeLine" as const), line: someLine }),
    fc.record(
      {
        op: fc.constant("addResponsibility" as const),
        responsibility,
        index: fc.nat(count + 1),
      },
      { requiredKeys: ["op", "responsibility"], noNullPrototype: true },
    ),
    record({
      op: fc.constant("updateResponsibility" as const),
      id: someResponsibility,
      changes: fc.record(
        {
          name: values.name,
          category: fc.option(text, { nil: null }),
          description: fc.option(text, { nil: null }),
        },
        { requiredKeys: [], noNullPrototype: true },
      ),
    }),
    record({ op: fc.constant("removeResponsibility" as const), id: someResponsibility }),
    record({
      op: fc.constant("moveResponsibility" as const),
      id: someResponsibility,
      index: fc.nat(Math.max(0, count)),
    }),
    record({ op: fc.constant("addAssignment" as const), assignment: builtAssignment }),
    record({
      op: fc.constant("updateAssignment" as const),
      assignment: someAssignment,
      code: fc.constantFrom(...RACI_CODES),
    }),
    record({ op: fc.constant("removeAssignment" as const), assignment: someAssignment }),
    fc.record(
      {
        op: fc.constant("updateChart" as const),
        name: values.chartName,
        settings: fc.option(values.settings, { nil: null }),
      },
      { requiredKeys: ["op"], noNullPrototype: true },
    ),
  );
}

const batchArb = (chart: ChartDocument, values = VALID_VALUES) =>
  fc.array(operationArb(chart, values), { minLength: 1, maxLength: 8 });

/** A valid chart and a batch of edits for it. */
const editArb = (values = VALID_VALUES) =>
  smallChartArbitrary.chain((chart) => fc.tuple(fc.constant(chart), batchArb(chart, values)));

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
// Persistence simulator
// ---------------------------------------------------------------------------------------

/**
 * How the database layer stores ordered rows (roles, responsibilities): one row per id with
 * a position column. Deletes the removed rows, rewrites the updated ones (content and
 * position), sets the position of the moved ones, inserts the added ones, then reads the
 * table back by position. Rows the diff does not name keep their content and position, so
 * the positions must come out as exactly 0..n-1 without gaps or clashes.
 */
function persistRows<T extends { id: string }>(
  stored: readonly T[],
  diff: OrderedDiff<T>,
  what: string,
): T[] {
  const table = new Map(stored.map((item, index) => [item.id, { item, index }]));
  const named = new Set<string>();
  const name = (id: string) => {
    expect(named.has(id), `${what} "${id}" is named twice in the diff`).toBe(false);
    named.add(id);
  };
  for (const id of diff.removed) {
    name(id);
    expect(table.has(id), `removed ${what} "${id}" is not stored`).toBe(true);
    table.delete(id);
  }
  for (const { item, index } of diff.updated) {
    name(item.id);
    const row = table.get(item.id);
    expect(row, `updated ${what} "${item.id}" is not stored`).toBeDefined();
    expect(canonical(row?.item), `updated ${what} "${item.id}" did not change`).not.toBe(
      canonical(item),
    );
    table.set(item.id, { item, index });
  }
  for (const { id, index } of diff.moved) {
    name(id);
    const row = table.get(id);
    if (row === undefined) throw new Error(`moved ${what} "${id}" is not stored`);
    expect(row.index, `moved ${what} "${id}" kept its position`).not.toBe(index);
    table.set(id, { item: row.item, index });
  }
  for (const { item, index } of diff.added) {
    name(item.id);
    expect(table.has(item.id), `added ${what} "${item.id}" is already stored`).toBe(false);
    table.set(item.id, { item, index });
  }
  const rows = [...table.values()].sort((a, b) => a.index - b.index);
  expect(
    rows.map((row) => row.index),
    `${what} positions are not 0..n-1`,
  ).toStrictEqual(rows.map((_, i) => i));
  return rows.map((row) => row.item);
}

/**
 * How the database layer stores rows identified by content (lines, assignments) in
 * insertion order: deletes the removed rows and appends the added ones; when the diff says
 * `reordered` it deletes the whole list and writes the new document's list instead. Also
 * checks the diff is tight: `reordered` exactly when appending would give the wrong order,
 * and added/removed describe the content change even then.
 */
function persistTuples<T>(
  stored: readonly T[],
  diff: TupleDiff<T>,
  written: readonly T[],
  keyOf: (item: T) => string,
  what: string,
): T[] {
  const storedKeys = new Set(stored.map(keyOf));
  const writtenKeys = new Set(written.map(keyOf));
  const removedKeys = new Set(diff.removed.map(keyOf));
  for (const item of diff.removed) {
    expect(storedKeys.has(keyOf(item)), `removed ${what} ${keyOf(item)} is not stored`).toBe(true);
    expect(writtenKeys.has(keyOf(item)), `removed ${what} ${keyOf(item)} is still there`).toBe(
      false,
    );
  }
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
  return diff.reordered ? [...written] : appended;
}

/** Replays a diff on the stored chart, as the database layer does. */
function persist(stored: ChartDocument, diff: ChartDiff, next: ChartDocument): ChartDocument {
  if ("name" in diff) expect(diff.name, "name in diff but unchanged").not.toBe(stored.name);
  if ("settings" in diff)
    expect(canonical(diff.settings ?? null), "settings in diff but unchanged").not.toBe(
      canonical(stored.settings ?? null),
    );
  const settings =
    diff.settings === undefined
      ? stored.settings
      : diff.settings === null
        ? undefined
        : diff.settings;
  return {
    format: stored.format,
    name: diff.name ?? stored.name,
    roles: persistRows(stored.roles, diff.roles, "role"),
    reportingLines: persistTuples(
      stored.reportingLines,
      diff.reportingLines,
      next.reportingLines,
      lineKey,
      "line",
    ),
    responsibilities: persistRows(stored.responsibilities, diff.responsibilities, "responsibility"),
    assignments: persistTuples(
      stored.assignments,
      diff.assignments,
      next.assignments,
      assignmentKey,
      "assignment",
    ),
    ...(settings === undefined ? {} : { settings }),
  };
}

/** Drops some rows of a chart, and the lines and assignments that named them. */
function thinnedChart(chart: ChartDocument): fc.Arbitrary<ChartDocument> {
  return fc
    .record({
      roles: fc.subarray(chart.roles),
      responsibilities: fc.subarray(chart.responsibilities),
      reportingLines: fc.subarray(chart.reportingLines),
      assignments: fc.subarray(chart.assignments),
    })
    .map(({ roles, responsibilities, reportingLines, assignments }) => {
      const roleIds = new Set(roles.map((r) => r.id));
      const responsibilityIds = new Set(responsibilities.map((r) => r.id));
      return {
        ...chart,
        roles,
        responsibilities,
        reportingLines: reportingLines.filter(
          (l) => roleIds.has(l.manager) && roleIds.has(l.report),
        ),
        assignments: assignments.filter(
          (a) => roleIds.has(a.role) && responsibilityIds.has(a.responsibility),
        ),
      };
    });
}

/**
 * Pairs of valid charts (stored, next): an edit by the engine, a shuffle of the same chart,
 * a thinned and shuffled copy, or two unrelated charts (their ids come from a small alphabet
 * so they share many).
 */
const chartPairArb: fc.Arbitrary<[ChartDocument, ChartDocument]> = fc.oneof(
  editArb().map(([chart, operations]): [ChartDocument, ChartDocument] => {
    const result = applyOperations(chart, operations);
    return [chart, result.ok ? result.document : chart];
  }),
  smallChartArbitrary.chain((chart) => fc.tuple(fc.constant(chart), shuffledChart(chart))),
  smallChartArbitrary.chain((chart) =>
    fc.tuple(fc.constant(chart), thinnedChart(chart).chain(shuffledChart)),
  ),
  fc.tuple(smallChartArbitrary, smallChartArbitrary),
);

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
      fc.property(
        smallChartArbitrary.chain((chart) =>
          fc.tuple(fc.constant(chart), fc.array(batchArb(chart), { minLength: 1, maxLength: 4 })),
        ),
        ([chart, batches]) => {
          let stored = chart;
          for (const operations of batches) {
            const result = applyOperations(stored, operations);
            if (!result.ok) continue;
            stored = persist(stored, diffCharts(stored, result.document), result.document);
            expect(stored).toEqual(result.document);
          }
        },
      ),
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
