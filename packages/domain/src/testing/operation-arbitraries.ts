import type {
  ChartDocument,
  Operation,
  Position,
  Responsibility,
  Role,
  Settings,
} from "@rolemap/contract";
import { LINE_KINDS, RACI_CODES } from "@rolemap/contract/constants";
import fc from "fast-check";
import { applyOperations } from "../edit/apply-operations";
import {
  RESPONSIBILITY_ID_PREFIX,
  ROLE_ID_PREFIX,
  shuffledChart,
  smallChartArbitrary,
} from "./arbitraries";

/**
 * fast-check arbitraries for batches of operations on a chart (they name ids the chart
 * has, and now and then a fresh or a stale one) and for pairs of charts (stored, next).
 */

/** Ids no generated chart has (the arbitraries' suffixes never contain "n", "e" or "w"). */
export const FRESH_ROLE_IDS = [`${ROLE_ID_PREFIX}new1`, `${ROLE_ID_PREFIX}new2`] as const;
export const FRESH_RESPONSIBILITY_IDS = [
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

/** Mostly a row the chart has, now and then one built from ids (it may not be there). */
const mostlyStored = <T>(rows: readonly T[], built: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  mostly<T | undefined>(rows, [undefined]).chain((row) =>
    row === undefined ? built : fc.constant(row),
  );

/**
 * add, update and remove operations on lines or assignments: a new row is built from
 * ids, the row to update or remove is mostly one the chart has.
 */
function rowOperations<T>(
  noun: "Line" | "Assignment",
  field: string,
  built: fc.Arbitrary<T>,
  stored: fc.Arbitrary<T>,
  changed: string,
  values: readonly string[],
): fc.Arbitrary<Operation>[] {
  const operation = (verb: string, row: fc.Arbitrary<T>, extra = {}) =>
    record({ op: fc.constant(`${verb}${noun}`), [field]: row, ...extra });
  return [
    operation("add", built),
    operation("update", stored, { [changed]: fc.constantFrom(...values) }),
    operation("remove", stored),
  ] as fc.Arbitrary<unknown>[] as fc.Arbitrary<Operation>[];
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
export interface FieldValues {
  title: fc.Arbitrary<string>;
  name: fc.Arbitrary<string>;
  position: fc.Arbitrary<Position>;
  settings: fc.Arbitrary<Settings>;
  chartName: fc.Arbitrary<string>;
}

export const VALID_VALUES: FieldValues = {
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
export const INVALID_VALUES: FieldValues = {
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

export function operationArb(
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
  const someLine = mostlyStored(chart.reportingLines, builtLine);
  const builtAssignment = record({
    role: someRole,
    responsibility: someResponsibility,
    code: fc.constantFrom(...RACI_CODES),
  });
  const someAssignment = mostlyStored(chart.assignments, builtAssignment);
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
    ...rowOperations("Line", "line", builtLine, someLine, "kind", LINE_KINDS),
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
    ...rowOperations(
      "Assignment",
      "assignment",
      builtAssignment,
      someAssignment,
      "code",
      RACI_CODES,
    ),
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

export const batchArb = (chart: ChartDocument, values = VALID_VALUES) =>
  fc.array(operationArb(chart, values), { minLength: 1, maxLength: 8 });

/** A valid chart and a batch of edits for it. */
export const editArb = (values = VALID_VALUES) =>
  smallChartArbitrary.chain((chart) => fc.tuple(fc.constant(chart), batchArb(chart, values)));

export interface EditStep {
  before: ChartDocument;
  operations: Operation[];
  after: ChartDocument;
}

/**
 * A chart edited by one to four batches in turn (made for the first chart, so later ones
 * may name rows that are gone): the batches that apply, each with the chart before and after.
 */
export const editChainArb: fc.Arbitrary<EditStep[]> = smallChartArbitrary.chain((chart) =>
  fc.array(batchArb(chart), { minLength: 1, maxLength: 4 }).map((batches) => {
    const steps: EditStep[] = [];
    let before = chart;
    for (const operations of batches) {
      const result = applyOperations(before, operations);
      if (!result.ok) continue;
      steps.push({ before, operations, after: result.document });
      before = result.document;
    }
    return steps;
  }),
);

/** Drops some rows of a chart, and the lines and assignments that named them. */
export function thinnedChart(chart: ChartDocument): fc.Arbitrary<ChartDocument> {
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
export const chartPairArb: fc.Arbitrary<[ChartDocument, ChartDocument]> = fc.oneof(
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
