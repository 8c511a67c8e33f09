import {
  type Assignment,
  type ChartDocument,
  type Operation,
  OperationSchema,
  type ReportingLine,
  type Role,
} from "@rolemap/contract";
import { LINE_KINDS, RACI_CODES } from "@rolemap/contract/constants";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  largeChartArbitrary,
  RESPONSIBILITY_ID_PREFIX,
  ROLE_ID_PREFIX,
  smallChartArbitrary,
} from "../testing/arbitraries";
import { sketchChart } from "../testing/chart-builder";
import { applyOperations } from "./apply-operations";
import { invertOperations } from "./invert-operations";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function apply(document: ChartDocument, operations: readonly Operation[]): ChartDocument {
  const result = applyOperations(document, operations);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.document;
}

const lineKey = (l: ReportingLine) => `${l.manager}>${l.report}:${l.kind}`;
const assignmentKey = (a: Assignment) => `${a.role}:${a.responsibility}:${a.code}`;

/** The document with lines and assignments sorted: equal when they are equal as sets. */
function unordered(document: ChartDocument): ChartDocument {
  const byKey =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    ...document,
    reportingLines: [...document.reportingLines].sort(byKey(lineKey)),
    assignments: [...document.assignments].sort(byKey(assignmentKey)),
  };
}

/** Applies the batch, then its inverse, and expects the chart back. */
function expectRoundTrip(document: ChartDocument, operations: readonly Operation[]) {
  const inverse = invertOperations(document, operations);
  const restored = apply(apply(document, operations), inverse);
  // toEqual: the arbitraries make null-prototype objects; values and keys must match.
  expect(unordered(restored)).toEqual(unordered(document));
  return inverse;
}

const base = deepFreeze({
  ...sketchChart({
    roles: ["ceo", "cio", "cto", "ciso"],
    vacant: ["cto"],
    solid: ["ceo>cio", "ceo>cto", "cio>ciso", "ceo>ciso"],
    dotted: ["cto>ciso"],
    responsibilities: ["infra", "product", "sec"],
    assign: ["cio:infra:A", "cio:infra:R", "cto:product:A", "ciso:sec:A", "cto:sec:C"],
  }),
  settings: { maxResponsible: 2 },
});

const withPosition = deepFreeze({
  ...base,
  roles: base.roles.map((role) =>
    role.id === "cio" ? { ...role, position: { x: 10, y: 20 }, department: "IT" } : role,
  ),
});

const noHolderKey = deepFreeze({
  ...base,
  roles: base.roles.map((role): Role => (role.id === "ceo" ? { id: "ceo", title: "CEO" } : role)),
});

describe("invertOperations", () => {
  it.each<[string, ChartDocument, Operation[], Operation[]]>([
    [
      "addRole → removeRole",
      base,
      [{ op: "addRole", role: { id: "cdo", title: "CDO" } }],
      [{ op: "removeRole", id: "cdo" }],
    ],
    [
      "removeRole → addRole at its index, its lines and its assignments",
      base,
      [{ op: "removeRole", id: "cto" }],
      [
        { op: "addRole", role: base.roles[2] as Role, index: 2 },
        { op: "addLine", line: { manager: "ceo", report: "cto", kind: "solid" } },
        { op: "addLine", line: { manager: "cto", report: "ciso", kind: "dotted" } },
        { op: "addAssignment", assignment: { role: "cto", responsibility: "product", code: "A" } },
        { op: "addAssignment", assignment: { role: "cto", responsibility: "sec", code: "C" } },
      ],
    ],
    [
      "updateRole → the old values, null where a field was absent",
      withPosition,
      [
        {
          op: "updateRole",
          id: "cio",
          changes: { title: "Chief", notes: "New", department: null },
        },
      ],
      [{ op: "updateRole", id: "cio", changes: { title: "CIO", notes: null, department: "IT" } }],
    ],
    [
      "moveRole → back to the old position and both old solid managers",
      withPosition,
      [{ op: "moveRole", id: "ciso", manager: "cto", position: { x: 1, y: 2 } }],
      [
        { op: "moveRole", id: "ciso", manager: "cio" },
        { op: "addLine", line: { manager: "ceo", report: "ciso", kind: "solid" } },
        { op: "updateRole", id: "ciso", changes: { position: null } },
      ],
    ],
    [
      "moveRole of a positioned role → moveRole to where it was",
      withPosition,
      [{ op: "moveRole", id: "cio", position: { x: 50, y: 60 } }],
      [{ op: "moveRole", id: "cio", position: { x: 10, y: 20 } }],
    ],
    [
      "moveRole that makes a role a top role → moveRole under its manager",
      base,
      [{ op: "moveRole", id: "cio", manager: null }],
      [{ op: "moveRole", id: "cio", manager: "ceo" }],
    ],
    [
      "addLine → removeLine",
      base,
      [{ op: "addLine", line: { manager: "cio", report: "cto", kind: "dotted" } }],
      [{ op: "removeLine", line: { manager: "cio", report: "cto", kind: "dotted" } }],
    ],
    [
      "updateLine → updateLine back",
      base,
      [
        {
          op: "updateLine",
          line: { manager: "ceo", report: "cto", kind: "solid" },
          kind: "dotted",
        },
      ],
      [
        {
          op: "updateLine",
          line: { manager: "ceo", report: "cto", kind: "dotted" },
          kind: "solid",
        },
      ],
    ],
    [
      "removeLine → addLine",
      base,
      [{ op: "removeLine", line: { manager: "cto", report: "ciso", kind: "dotted" } }],
      [{ op: "addLine", line: { manager: "cto", report: "ciso", kind: "dotted" } }],
    ],
    [
      "addResponsibility → removeResponsibility",
      base,
      [{ op: "addResponsibility", responsibility: { id: "data", name: "Data" }, index: 0 }],
      [{ op: "removeResponsibility", id: "data" }],
    ],
    [
      "removeResponsibility → addResponsibility at its index and its assignments",
      base,
      [{ op: "removeResponsibility", id: "sec" }],
      [
        { op: "addResponsibility", responsibility: { id: "sec", name: "Area sec" }, index: 2 },
        { op: "addAssignment", assignment: { role: "ciso", responsibility: "sec", code: "A" } },
        { op: "addAssignment", assignment: { role: "cto", responsibility: "sec", code: "C" } },
      ],
    ],
    [
      "updateResponsibility → the old values",
      base,
      [{ op: "updateResponsibility", id: "infra", changes: { name: "Infra", category: "Ops" } }],
      [
        {
          op: "updateResponsibility",
          id: "infra",
          changes: { name: "Area infra", category: null },
        },
      ],
    ],
    [
      "moveResponsibility → back to its index",
      base,
      [{ op: "moveResponsibility", id: "infra", index: 2 }],
      [{ op: "moveResponsibility", id: "infra", index: 0 }],
    ],
    [
      "addAssignment → removeAssignment",
      base,
      [{ op: "addAssignment", assignment: { role: "ceo", responsibility: "sec", code: "I" } }],
      [{ op: "removeAssignment", assignment: { role: "ceo", responsibility: "sec", code: "I" } }],
    ],
    [
      "updateAssignment → updateAssignment back",
      base,
      [
        {
          op: "updateAssignment",
          assignment: { role: "cto", responsibility: "sec", code: "C" },
          code: "A",
        },
      ],
      [
        {
          op: "updateAssignment",
          assignment: { role: "cto", responsibility: "sec", code: "A" },
          code: "C",
        },
      ],
    ],
    [
      "removeAssignment → addAssignment",
      base,
      [{ op: "removeAssignment", assignment: { role: "cio", responsibility: "infra", code: "R" } }],
      [{ op: "addAssignment", assignment: { role: "cio", responsibility: "infra", code: "R" } }],
    ],
    [
      "updateChart → the old name and settings",
      base,
      [{ op: "updateChart", name: "Renamed", settings: null }],
      [{ op: "updateChart", name: "Test chart", settings: { maxResponsible: 2 } }],
    ],
    [
      "updateChart that adds settings → settings null",
      { ...base, settings: undefined },
      [{ op: "updateChart", settings: { maxConsulted: 1 } }],
      [{ op: "updateChart", settings: null }],
    ],
  ])("inverts %s", (_, document, operations, expected) => {
    expect(expectRoundTrip(document, operations)).toEqual(expected);
  });

  it("undoes a batch last operation first, each against the chart as it was then", () => {
    const operations: Operation[] = [
      { op: "addRole", role: { id: "cdo", title: "CDO", holder: null } },
      { op: "addLine", line: { manager: "cio", report: "cdo", kind: "solid" } },
      { op: "updateRole", id: "cdo", changes: { holder: "Kim Park" } },
      { op: "removeRole", id: "cio" },
    ];
    const inverse = expectRoundTrip(base, operations);
    expect(inverse.map((operation) => operation.op)).toEqual([
      "addRole", // cio
      "addLine", // ceo>cio
      "addLine", // cio>ciso
      "addLine", // cio>cdo
      "addAssignment",
      "addAssignment",
      "updateRole", // cdo holder back to null
      "removeLine", // cio>cdo
      "removeRole", // cdo
    ]);
  });

  it("puts back a role whose holder key was absent when an edit gave it a holder", () => {
    const operations: Operation[] = [{ op: "updateRole", id: "ceo", changes: { holder: "Dana" } }];
    const inverse = expectRoundTrip(noHolderKey, operations);
    expect(inverse[0]).toEqual({ op: "removeRole", id: "ceo" });
    expect(inverse[1]).toEqual({ op: "addRole", role: { id: "ceo", title: "CEO" }, index: 0 });
  });

  it.each<[string, Operation]>([
    [
      "an updateLine to the same kind",
      {
        op: "updateLine",
        line: { manager: "ceo", report: "cio", kind: "solid" },
        kind: "solid",
      },
    ],
    [
      "an updateAssignment to the same code",
      {
        op: "updateAssignment",
        assignment: { role: "cio", responsibility: "infra", code: "A" },
        code: "A",
      },
    ],
    ["a moveRole under the manager it already has", { op: "moveRole", id: "cio", manager: "ceo" }],
    ["a moveResponsibility to where it is", { op: "moveResponsibility", id: "sec", index: 2 }],
    ["an empty updateChart", { op: "updateChart" }],
  ])("gives nothing for %s", (_, operation) => {
    expect(invertOperations(base, [operation])).toEqual([]);
  });

  it("throws when the batch does not apply", () => {
    expect(() => invertOperations(base, [{ op: "removeRole", id: "cxo" }])).toThrow(
      /operation 0 does not apply/,
    );
  });

  it("does not mutate its input", () => {
    const operations = deepFreeze<Operation[]>([
      { op: "removeRole", id: "cio" },
      { op: "updateChart", name: "Other" },
    ]);
    const copy = structuredClone(base);
    invertOperations(base, operations);
    expect(base).toEqual(copy);
  });
});

// ---------------------------------------------------------------------------------------
// Property: for random valid charts and valid batches, the inverse restores the chart.
// ---------------------------------------------------------------------------------------

const FRESH_ROLES = [`${ROLE_ID_PREFIX}new1`, `${ROLE_ID_PREFIX}new2`];
const FRESH_RESPONSIBILITIES = [
  `${RESPONSIBILITY_ID_PREFIX}new1`,
  `${RESPONSIBILITY_ID_PREFIX}new2`,
];

const record = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, requiredKeys?: (keyof T)[]) =>
  fc.record(model, { noNullPrototype: true, ...(requiredKeys ? { requiredKeys } : {}) });
const position = record({
  x: fc.integer({ min: -500, max: 500 }),
  y: fc.integer({ min: -9, max: 9 }),
});
const text = fc.constantFrom("IT", "Interim", "Risk");
const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

/** One operation that may or may not apply to `document` (the batch keeps only those that do). */
function operationArb(document: ChartDocument): fc.Arbitrary<Operation> {
  const roleIds = document.roles.map((role) => role.id);
  const responsibilityIds = document.responsibilities.map((r) => r.id);
  const anyRole = pick([...roleIds, ...FRESH_ROLES]);
  const anyResponsibility = pick([...responsibilityIds, ...FRESH_RESPONSIBILITIES]);
  const line = record({ manager: anyRole, report: anyRole, kind: pick(LINE_KINDS) });
  const assignment = record({
    role: anyRole,
    responsibility: anyResponsibility,
    code: pick(RACI_CODES),
  });
  const holder = fc.constantFrom<string | null>("Dana Smith", "", null);
  const existing = <T>(items: readonly T[], fallback: fc.Arbitrary<T>) =>
    items.length === 0 ? fallback : fc.oneof({ weight: 4, arbitrary: pick(items) }, fallback);
  return fc.oneof(
    record<Extract<Operation, { op: "addRole" }>>(
      {
        op: fc.constant("addRole"),
        role: record<Role>(
          {
            id: pick(FRESH_ROLES),
            title: pick(["CDO", "CISO"]),
            holder,
            department: text,
            position,
          },
          ["id", "title"],
        ),
        index: fc.nat(document.roles.length),
      },
      ["op", "role"],
    ),
    record({
      op: fc.constant("updateRole" as const),
      id: anyRole,
      changes: record(
        {
          title: pick(["Head of IT", "CTO"]),
          holder,
          department: fc.option(text, { nil: null }),
          notes: fc.option(text, { nil: null }),
          position: fc.option(position, { nil: null }),
        },
        [],
      ),
    }),
    record({ op: fc.constant("removeRole" as const), id: anyRole }),
    record(
      {
        op: fc.constant("moveRole" as const),
        id: anyRole,
        position,
        manager: fc.option(anyRole, { nil: null, freq: 4 }),
      },
      ["op", "id"],
    ),
    record({ op: fc.constant("addLine" as const), line }),
    record({
      op: fc.constant("updateLine" as const),
      line: existing(document.reportingLines, line),
      kind: pick(LINE_KINDS),
    }),
    record({
      op: fc.constant("removeLine" as const),
      line: existing(document.reportingLines, line),
    }),
    record(
      {
        op: fc.constant("addResponsibility" as const),
        responsibility: record(
          { id: pick(FRESH_RESPONSIBILITIES), name: pick(["Budget", "Hiring"]), category: text },
          ["id", "name"],
        ),
        index: fc.nat(document.responsibilities.length),
      },
      ["op", "responsibility"],
    ),
    record({
      op: fc.constant("updateResponsibility" as const),
      id: anyResponsibility,
      changes: record(
        {
          name: pick(["Budget", "Hiring"]),
          category: fc.option(text, { nil: null }),
          description: fc.option(text, { nil: null }),
        },
        [],
      ),
    }),
    record({ op: fc.constant("removeResponsibility" as const), id: anyResponsibility }),
    record({
      op: fc.constant("moveResponsibility" as const),
      id: anyResponsibility,
      index: fc.nat(Math.max(0, document.responsibilities.length - 1)),
    }),
    record({ op: fc.constant("addAssignment" as const), assignment }),
    record({
      op: fc.constant("updateAssignment" as const),
      assignment: existing(document.assignments, assignment),
      code: pick(RACI_CODES),
    }),
    record({
      op: fc.constant("removeAssignment" as const),
      assignment: existing(document.assignments, assignment),
    }),
    record(
      {
        op: fc.constant("updateChart" as const),
        name: pick(["Renamed", "Other name"]),
        settings: fc.option(record({ maxResponsible: fc.integer({ min: 1, max: 4 }) }, []), {
          nil: null,
        }),
      },
      [],
    ).map((changes) => ({ ...changes, op: "updateChart" as const })),
  );
}

/** A batch of up to `length` operations, each valid on the chart the ones before it left. */
function validBatchArb(document: ChartDocument, length: number): fc.Arbitrary<Operation[]> {
  if (length === 0) return fc.constant([]);
  return operationArb(document).chain((operation) => {
    const result = applyOperations(document, [operation]);
    if (!result.ok) return validBatchArb(document, length - 1);
    return validBatchArb(result.document, length - 1).map((rest) => [operation, ...rest]);
  });
}

const editArb = (charts: fc.Arbitrary<ChartDocument>, maxLength: number) =>
  charts.chain((chart) =>
    fc
      .integer({ min: 1, max: maxLength })
      .chain((length) => validBatchArb(chart, length))
      .map((operations) => [chart, operations] as const),
  );

describe("invertOperations (properties)", { timeout: 60_000 }, () => {
  it("restores the chart: apply(apply(doc, ops), invert(doc, ops)) equals doc", () => {
    fc.assert(
      fc.property(editArb(smallChartArbitrary, 8), ([chart, operations]) => {
        expectRoundTrip(chart, operations);
      }),
      { numRuns: 300 },
    );
  });

  it("restores larger charts after longer batches", () => {
    fc.assert(
      fc.property(editArb(largeChartArbitrary, 20), ([chart, operations]) => {
        expectRoundTrip(chart, operations);
      }),
      { numRuns: 40 },
    );
  });

  it("gives operations the operation schema accepts, so the server takes an undo", () => {
    fc.assert(
      fc.property(editArb(smallChartArbitrary, 8), ([chart, operations]) => {
        for (const operation of invertOperations(chart, operations))
          expect(OperationSchema.safeParse(operation).success, JSON.stringify(operation)).toBe(
            true,
          );
      }),
      { numRuns: 200 },
    );
  });

  it("lets the batch be applied again after the undo (redo)", () => {
    fc.assert(
      fc.property(editArb(smallChartArbitrary, 8), ([chart, operations]) => {
        const edited = apply(chart, operations);
        const undone = apply(edited, invertOperations(chart, operations));
        expect(unordered(apply(undone, operations))).toEqual(unordered(edited));
      }),
      { numRuns: 200 },
    );
  });

  it("generates batches that mostly do something", () => {
    let total = 0;
    fc.assert(
      fc.property(editArb(smallChartArbitrary, 8), ([, operations]) => {
        total += operations.length;
      }),
      { numRuns: 100, seed: 7 },
    );
    expect(total).toBeGreaterThan(200);
  });
});
