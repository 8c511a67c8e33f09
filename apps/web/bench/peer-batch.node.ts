import type { AppliedMessage, Operation } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import { generateChart } from "../../../packages/domain/bench/generate-chart";
import { shareStructure } from "../src/editor/share-structure";
import { syncState, takeApplied, viewOf } from "../src/editor/sync-state";
import { summarise } from "./frames";

/**
 * The editor's own work for a peer's batch, in Node (`npx tsx bench/peer-batch.node.ts` in
 * apps/web): what chart-editor.ts's `applied` handler does before React sees the change
 * (takeApplied, viewOf, shareStructure, validateChart), on the live benchmark's 1,000-role
 * chart, for the same kind of batch (a role retitled, a matrix cell added or removed).
 */
const document = generateChart({
  roles: 1000,
  responsibilities: 40,
  assignments: 400,
  seed: 20_240_601,
});
const RUNS = 300;
const WARM_UP = 50;

const role = (i: number) => document.roles[i % document.roles.length]?.id ?? "";
const responsibility = document.responsibilities[3]?.id ?? "";
const cellRole = document.roles.find(
  (r) => !document.assignments.some((a) => a.role === r.id && a.responsibility === responsibility),
)?.id;
if (cellRole === undefined) throw new Error("no free cell");
const cell = { role: cellRole, responsibility, code: "I" as const };

let sync = syncState(document, 1);
let shown = document;
const times = {
  takeApplied: [] as number[],
  viewOf: [] as number[],
  shareStructure: [] as number[],
  validateChart: [] as number[],
  total: [] as number[],
};
for (let i = 0; i < RUNS; i++) {
  const operations: Operation[] = [
    { op: "updateRole", id: role(i * 37), changes: { title: `P edit ${i}` } },
    i % 2 === 0
      ? { op: "addAssignment", assignment: cell }
      : { op: "removeAssignment", assignment: cell },
  ];
  const applied: AppliedMessage = {
    type: "applied",
    version: sync.version + 1,
    batch: `batch-${i}`,
    by: { peer: "peer", name: "Peer" },
    operations,
  };
  const a = performance.now();
  sync = takeApplied(sync, applied).state;
  const b = performance.now();
  const view = viewOf(sync);
  const c = performance.now();
  const next = shareStructure(shown, view);
  const d = performance.now();
  validateChart(next);
  const e = performance.now();
  shown = next;
  if (i < WARM_UP) continue;
  times.takeApplied.push(b - a);
  times.viewOf.push(c - b);
  times.shareStructure.push(d - c);
  times.validateChart.push(e - d);
  times.total.push(e - a);
}
console.log(`a peer's batch on ${document.roles.length} roles, ${RUNS - WARM_UP} runs (ms):`);
for (const [name, values] of Object.entries(times)) {
  const s = summarise(values);
  console.log(
    `${name.padEnd(15)} p50 ${s.median.toFixed(2)}  p95 ${s.p95.toFixed(2)}  max ${s.max.toFixed(2)}`,
  );
}
