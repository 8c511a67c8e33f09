import type { ChartDocument, ChartRecord, Operation, OperationsResponse } from "@rolemap/contract";
import { createRandom } from "../../../packages/domain/bench/generate-chart";
import {
  benchChart,
  fmtMs,
  onEachDatabase,
  percentile,
  type Row,
  requestJson,
  SEED,
  type ServerChild,
} from "./lib";

/**
 * Operations-batch latency: one 1,000-role chart, then N sequential
 * POST /api/charts/:id/operations batches of three realistic edits (move a role on the
 * canvas, set an assignment, rename a responsibility), each sent with the version the
 * previous answer gave. Measured from the client, so it includes HTTP, JSON, the
 * transaction (row lock, load, diff, write) and validation of the new chart.
 */

const BATCHES = 200;
const WARMUP_BATCHES = 10;

/** Generates edits that always apply, by tracking the matrix the server holds. */
function editor(document: ChartDocument) {
  const random = createRandom(SEED + 1);
  const codes = new Map<string, Set<string>>();
  for (const a of document.assignments) {
    const key = `${a.role}|${a.responsibility}`;
    codes.set(key, (codes.get(key) ?? new Set()).add(a.code));
  }
  const roleIds = document.roles.map((r) => r.id);
  const responsibilityIds = document.responsibilities.map((r) => r.id);

  /** Moves a C to I (or back), or adds an I where the pair has neither. */
  const setAssignment = (): Operation => {
    const role = random.pick(roleIds);
    const responsibility = random.pick(responsibilityIds);
    const key = `${role}|${responsibility}`;
    const held = codes.get(key) ?? new Set<string>();
    codes.set(key, held);
    const swap = (from: "C" | "I", to: "C" | "I"): Operation => {
      held.delete(from);
      held.add(to);
      return { op: "updateAssignment", assignment: { role, responsibility, code: from }, code: to };
    };
    if (held.has("I") && !held.has("C")) return swap("I", "C");
    if (held.has("C") && !held.has("I")) return swap("C", "I");
    if (!held.has("C") && !held.has("I")) {
      held.add("I");
      return { op: "addAssignment", assignment: { role, responsibility, code: "I" } };
    }
    held.delete("C");
    return { op: "removeAssignment", assignment: { role, responsibility, code: "C" } };
  };

  return (n: number): Operation[] => [
    {
      op: "moveRole",
      id: random.pick(roleIds),
      position: { x: random.int(0, 4000), y: random.int(0, 3000) },
    },
    setAssignment(),
    {
      op: "updateResponsibility",
      id: random.pick(responsibilityIds),
      changes: { name: `Responsibility revised in batch ${n}` },
    },
  ];
}

async function measure(server: ServerChild, label: string): Promise<Row[]> {
  const document = benchChart();
  const createStart = performance.now();
  const created = await requestJson<ChartRecord>(server, "POST", "/api/charts", { document }, 201);
  const createMs = performance.now() - createStart;
  const nextBatch = editor(document);
  let version = created.version;
  const send = async (n: number) => {
    const start = performance.now();
    const answer = await requestJson<OperationsResponse>(
      server,
      "POST",
      `/api/charts/${created.id}/operations`,
      { operations: nextBatch(n), version },
      200,
    );
    const ms = performance.now() - start;
    version = answer.version;
    return ms;
  };
  for (let n = 0; n < WARMUP_BATCHES; n++) await send(n);
  const times: number[] = [];
  for (let n = WARMUP_BATCHES; n < WARMUP_BATCHES + BATCHES; n++) times.push(await send(n));
  times.sort((a, b) => a - b);

  const stored = await requestJson<ChartRecord>(
    server,
    "GET",
    `/api/charts/${created.id}`,
    undefined,
    200,
  );
  if (stored.version !== 1 + WARMUP_BATCHES + BATCHES)
    throw new Error(
      `operations (${label}): chart at version ${stored.version}, expected ${1 + WARMUP_BATCHES + BATCHES}`,
    );

  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => percentile(times, q)) as [
    number,
    number,
    number,
  ];
  console.log(
    `operations (${label}): create ${fmtMs(createMs)}; ${BATCHES} batches of 3 ops after ${WARMUP_BATCHES} warm-up: p50 ${fmtMs(p50)}, p95 ${fmtMs(p95)}, p99 ${fmtMs(p99)}, max ${fmtMs(times.at(-1) ?? Number.NaN)}`,
  );
  const name = `operations, ${label}`;
  return [
    { benchmark: name, metric: "create 1k-role chart", value: fmtMs(createMs) },
    {
      benchmark: name,
      metric: `p50 / p95 / p99 (n=${BATCHES})`,
      value: `${fmtMs(p50)} / ${fmtMs(p95)} / ${fmtMs(p99)}`,
    },
  ];
}

export const benchOperations = () => onEachDatabase("operations", measure);
