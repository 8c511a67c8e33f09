import type { Assignment, ChartDocument, Operation, RaciCode } from "@rolemap/contract";
import { RACI_CODES } from "@rolemap/contract/constants";
import { applyOperations } from "../src/edit/apply-operations";
import { operationsBetween } from "../src/edit/operations-between";
import { compareCharts } from "../src/history/compare-charts";
import { mergeScenario } from "../src/history/merge-scenario";
import { summariseOperations } from "../src/history/summarise-operations";
import { validateChart } from "../src/validate";
import { createRandom, generateChart } from "./generate-chart";
import { measure } from "./measure";

/**
 * Times compare (history.md) of a generated 1,000-role chart with a what-if copy of it —
 * 50 roles moved, 20 renamed, 100 matrix cells changed, 3 roles and a row added, 2 roles
 * and a row removed — findings delta included, against the issue's target (< 50 ms); then
 * promote's merge of that scenario into the original, unchanged and with concurrent edits
 * of other roles and rows, and the version summary of the promote. Run with
 * `npx tsx bench/compare.bench.ts` (or `npm run bench -w @rolemap/domain`).
 */

/** The issue's target: comparing two 1,000-role charts takes under 50 ms. */
const TARGET_MS = 50;
const SEED = 20_240_601;
const SIZE = { roles: 1_000, responsibilities: 100, assignments: 5_000, seed: SEED };

function applied(chart: ChartDocument, operations: Operation[]): ChartDocument {
  const result = applyOperations(chart, operations);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.document;
}

const otherCode = (code: RaciCode, step: number) =>
  RACI_CODES[(RACI_CODES.indexOf(code) + step) % RACI_CODES.length] as RaciCode;

/**
 * Realistic what-if edits in the first half of the chart's roles and rows (the original's
 * concurrent edits stay in the second half, so promote merges without conflicts).
 */
function scenarioEdits(chart: ChartDocument, seed: number, half: "first" | "second"): Operation[] {
  const random = createRandom(seed);
  const roleCount = chart.roles.length;
  const [from, to] = half === "first" ? [1, roleCount / 2] : [roleCount / 2, roleCount];
  const inHalf = (index: number) => index >= from && index < to;
  const operations: Operation[] = [];
  const moved = new Set<number>();
  // Moves: role i under an earlier role of the same half (the tree is breadth first, so
  // an earlier role is never below i: no cycle).
  while (moved.size < 50) {
    const report = random.int(from + 1, to - 1);
    if (moved.has(report)) continue;
    moved.add(report);
    operations.push({
      op: "moveRole",
      id: `role-${report}`,
      manager: `role-${random.int(from, report - 1)}`,
    });
  }
  for (let k = 0; k < 20; k++) {
    const role = random.int(from, to - 1);
    operations.push({
      op: "updateRole",
      id: `role-${role}`,
      changes: { title: `Renamed ${role}` },
    });
  }
  // Matrix: cells of this half's rows and roles cleared, given another code or a second one.
  const rows = chart.responsibilities.length;
  const inRows = (id: string) => {
    const row = Number(id.slice("resp-".length));
    return half === "first" ? row < rows / 2 : row >= rows / 2;
  };
  const cells = chart.assignments.filter(
    (a) => inRows(a.responsibility) && inHalf(Number(a.role.slice("role-".length))),
  );
  operations.push(...matrixEdits(chart, cells, 100));
  const tag = half === "first" ? "s" : "c";
  for (let k = 0; k < 3; k++) {
    const id = `new-${tag}-${k}`;
    operations.push({ op: "addRole", role: { id, title: `New role ${tag}${k}`, holder: null } });
    operations.push({ op: "moveRole", id, manager: `role-${from + k}` });
  }
  operations.push({
    op: "addResponsibility",
    responsibility: { id: `resp-new-${tag}`, name: `New area ${tag}` },
  });
  // Two roles and a row of this half go (their reports become top roles).
  operations.push(
    { op: "removeRole", id: `role-${to - 1}` },
    { op: "removeRole", id: `role-${to - 2}` },
  );
  const row = half === "first" ? 0 : rows - 1;
  operations.push({ op: "removeResponsibility", id: `resp-${row}` });
  return operations;
}

/** `count` cells of `cells` (one edit per cell): cleared, given another code, or a second one. */
function matrixEdits(chart: ChartDocument, cells: readonly Assignment[], count: number) {
  const taken = new Set(chart.assignments.map((a) => `${a.role}/${a.responsibility}/${a.code}`));
  const touched = new Set<string>();
  const operations: Operation[] = [];
  const stride = Math.max(1, Math.floor(cells.length / count));
  for (let k = 0; operations.length < count && k * stride < cells.length; k++) {
    const cell = cells[k * stride] as Assignment;
    const key = `${cell.role}/${cell.responsibility}`;
    const code = [1, 2, 3, 4]
      .map((step) => otherCode(cell.code, step))
      .find((c) => !taken.has(`${key}/${c}`));
    if (touched.has(key) || code === undefined) continue;
    touched.add(key);
    taken.add(`${key}/${code}`);
    if (k % 3 === 0) operations.push({ op: "removeAssignment", assignment: cell });
    else if (k % 3 === 1) operations.push({ op: "updateAssignment", assignment: cell, code });
    else operations.push({ op: "addAssignment", assignment: { ...cell, code } });
  }
  return operations;
}

const ms = (value: number) => value.toFixed(2).padStart(9);

const a = generateChart(SIZE);
const scenarioOperations = scenarioEdits(a, SEED + 1, "first");
const b = applied(a, scenarioOperations);
const current = applied(a, scenarioEdits(a, SEED + 2, "second"));
const findingsA = validateChart(a);
const findingsB = validateChart(b);
const diff = compareCharts(a, b, { a: findingsA, b: findingsB });
console.log(
  `Chart: ${a.roles.length} roles, ${a.reportingLines.length} lines, ${a.responsibilities.length} responsibilities, ${a.assignments.length} assignments, ${findingsA.length} findings`,
);
console.log(
  `Scenario: ${scenarioOperations.length} operations → ${diff.roles.moved.length} moved, ${diff.roles.changed.length} changed, ${diff.roles.added.length} added, ${diff.roles.removed.length} removed, ${diff.cells.added.length} cells added and ${diff.cells.removed.length} removed, findings ${diff.findings.fixed.length} fixed and ${diff.findings.new.length} new`,
);
const merged = mergeScenario(a, b, current);
if (!merged.ok)
  throw new Error(
    `the bench's promote has conflicts: ${JSON.stringify(merged.conflicts.slice(0, 3))}`,
  );
console.log(
  `Promote onto the original with concurrent edits: ${merged.operations.length} operations`,
);
console.log(`Summary: "${summariseOperations(current, merged.operations)}"`);
console.log("");
console.log(
  "what                                          runs       min    median       p95 (ms)",
);
const rows: [string, () => unknown, number][] = [
  ["compareCharts, findings computed", () => compareCharts(a, b), 40],
  ["compareCharts, findings given", () => compareCharts(a, b, { a: findingsA, b: findingsB }), 40],
  ["validateChart (one side, for scale)", () => validateChart(b), 40],
  ["mergeScenario, original unchanged", () => mergeScenario(a, b, a), 40],
  ["mergeScenario, original edited too", () => mergeScenario(a, b, current), 40],
  ["operationsBetween (the replacement way)", () => operationsBetween(a, b), 40],
  ["summariseOperations of the promote", () => summariseOperations(current, merged.operations), 40],
];
let compareMedian = Number.NaN;
for (const [label, run, runs] of rows) {
  const timing = measure(run, Math.ceil(runs / 4), runs);
  if (label.startsWith("compareCharts, findings computed")) compareMedian = timing.median;
  console.log(
    `${label.padEnd(44)} ${String(runs).padStart(5)} ${ms(timing.min)} ${ms(timing.median)} ${ms(timing.p95)}`,
  );
}
console.log("");
console.log(
  `${compareMedian < TARGET_MS ? "PASS" : "MISS"}: compare of two 1,000-role charts with the findings delta, median ${compareMedian.toFixed(2)} ms (target < ${TARGET_MS} ms)`,
);
