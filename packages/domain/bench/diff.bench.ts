import type { ChartDocument, Operation } from "@rolemap/contract";
import { RACI_CODES } from "@rolemap/contract/constants";
import { applyOperations } from "../src/edit/apply-operations";
import { diffByOperations } from "../src/edit/diff-by-operations";
import { diffCharts } from "../src/edit/diff-charts";
import { generateChart } from "./generate-chart";
import { measure } from "./measure";

/**
 * Times the row diff of a live-editing batch (updateRole title, moveRole position,
 * addAssignment) on generated 1,000- and 10,000-role charts: diffByOperations, which looks
 * at what the batch names, against diffCharts, which compares the whole documents. Run
 * with `npm run bench -w @rolemap/domain`.
 */

const SIZES = [1_000, 10_000];
const SEED = 20_240_601;

/** A batch on roles in the middle of the chart, as a workshop participant would send. */
function workshopBatch(chart: ChartDocument): Operation[] {
  const middle = chart.roles[Math.floor(chart.roles.length / 2)];
  const other = chart.roles[Math.floor(chart.roles.length / 3)];
  if (middle === undefined || other === undefined) throw new Error("the chart has no roles");
  const responsibility = chart.responsibilities[0]?.id ?? "";
  const code = RACI_CODES.find(
    (c) =>
      !chart.assignments.some(
        (a) => a.role === middle.id && a.responsibility === responsibility && a.code === c,
      ),
  );
  if (code === undefined) throw new Error("every code is taken");
  return [
    { op: "updateRole", id: middle.id, changes: { title: "Renamed in the workshop" } },
    { op: "moveRole", id: other.id, position: { x: 120, y: 480 } },
    { op: "addAssignment", assignment: { role: middle.id, responsibility, code } },
  ];
}

const us = (ms: number) => (ms * 1000).toFixed(1).padStart(10);

console.log("Diff of a 3-operation batch (µs)");
console.log("roles     what                  runs       min    median       p95");
for (const roles of SIZES) {
  const before = generateChart({
    roles,
    responsibilities: roles / 10,
    assignments: roles * 5,
    seed: SEED,
  });
  const operations = workshopBatch(before);
  const result = applyOperations(before, operations);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const after = result.document;
  for (const [label, run, runs] of [
    ["diffByOperations", () => diffByOperations(before, after, operations), 2000],
    ["diffCharts", () => diffCharts(before, after), 40],
    // For scale: applying the batch costs about what its diff does (both look roles up).
    ["applyOperations", () => applyOperations(before, operations), 2000],
  ] as const) {
    const timing = measure(run, Math.ceil(runs / 4), runs);
    console.log(
      `${String(roles).padEnd(9)} ${label.padEnd(20)} ${String(runs).padStart(5)} ${us(timing.min)}${us(timing.median)}${us(timing.p95)}`,
    );
  }
}
