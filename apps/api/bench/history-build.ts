import { randomUUID } from "node:crypto";
import type { ChartDocument, Operation } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import { createRandom } from "../../../packages/domain/bench/generate-chart";
import { type DatabaseConfig, openDatabase } from "../src/db/database";
import { createPrismaChartStore } from "../src/db/prisma-chart-store";
import { countsOf } from "../src/services/chart-counts";
import { planOperations } from "../src/services/write-plans";
import { percentile } from "./lib";

/**
 * A chart with a long history, written through the store's one write path in this process
 * (thousands of HTTP writes would each validate the whole chart for their answer, which is
 * not what is measured here): small realistic batches, as a workshop makes them.
 */

/** One to three edits that always apply: a card moved, a cell toggled, a title or note changed. */
function workshopEdits(document: ChartDocument, seed: number) {
  const random = createRandom(seed);
  const roleIds = document.roles.map((role) => role.id);
  const rowIds = document.responsibilities.map((row) => row.id);
  const informed = new Set(
    document.assignments.filter((a) => a.code === "I").map((a) => `${a.role}|${a.responsibility}`),
  );
  const toggleCell = (): Operation => {
    const role = random.pick(roleIds);
    const responsibility = random.pick(rowIds);
    const key = `${role}|${responsibility}`;
    const assignment = { role, responsibility, code: "I" } as const;
    if (informed.delete(key)) return { op: "removeAssignment", assignment };
    informed.add(key);
    return { op: "addAssignment", assignment };
  };
  const edits: (() => Operation)[] = [
    () => ({
      op: "moveRole",
      id: random.pick(roleIds),
      position: { x: random.int(0, 4000), y: random.int(0, 3000) },
    }),
    toggleCell,
    toggleCell,
    () => ({
      op: "updateRole",
      id: random.pick(roleIds),
      changes: { notes: `Discussed in round ${random.int(1, 50)}` },
    }),
    () => ({
      op: "updateResponsibility",
      id: random.pick(rowIds),
      changes: { description: `Agreed scope ${random.int(1, 999)}` },
    }),
  ];
  return (): Operation[] => Array.from({ length: random.int(1, 3) }, () => random.pick(edits)());
}

export interface BuiltHistory {
  chartId: string;
  /** The documents of the versions the bench reads back, to check what it is served. */
  documents: Map<number, ChartDocument>;
  /** What a commit cost while building (p50, and the largest: the snapshot commits). */
  commitMs: { p50: number; max: number };
  /** Bytes of JSON kept: the operation log's and the snapshots'. */
  stored: { log: number; snapshots: number; snapshotCount: number };
}

/** Writes `document` and `versions - 1` batches as `ownerId` into the database at `config`. */
export async function buildHistory(
  config: DatabaseConfig,
  ownerId: string,
  document: ChartDocument,
  versions: number,
  keep: readonly number[],
  seed: number,
): Promise<BuiltHistory> {
  const database = await openDatabase(config, () => {});
  try {
    const store = createPrismaChartStore(database);
    const made = await store.create(
      { document, counts: countsOf(document, validateChart(document)) },
      ownerId,
    );
    const documents = new Map<number, ChartDocument>();
    if (keep.includes(1)) documents.set(1, made.document);
    const next = workshopEdits(made.document, seed);
    const times: number[] = [];
    for (let version = 2; version <= versions; version++) {
      const start = performance.now();
      const outcome = await store.commit({
        chartId: made.id,
        batchId: randomUUID(),
        kind: "operations",
        author: { accountId: ownerId, name: "Bench Owner", peer: null },
        plan: planOperations("owner", next(), "http"),
      });
      times.push(performance.now() - start);
      if (outcome.status !== "committed") throw new Error(`commit ${version}: ${outcome.status}`);
      if (keep.includes(version)) documents.set(version, outcome.chart.document);
    }
    times.sort((a, b) => a - b);
    const [sizes] = await database.prisma.$queryRaw<
      { log: number; snapshots: number; count: number }[]
    >`
      SELECT (SELECT COALESCE(sum(octet_length(detail::text)), 0)::int FROM chart_versions
               WHERE chart_id = ${made.id}::uuid) AS log,
             (SELECT COALESCE(sum(octet_length(document::text)), 0)::int FROM chart_snapshots
               WHERE chart_id = ${made.id}::uuid) AS snapshots,
             (SELECT count(*)::int FROM chart_snapshots WHERE chart_id = ${made.id}::uuid) AS count`;
    return {
      stored: {
        log: sizes?.log ?? 0,
        snapshots: sizes?.snapshots ?? 0,
        snapshotCount: sizes?.count ?? 0,
      },
      chartId: made.id,
      documents,
      commitMs: { p50: percentile(times, 0.5), max: times.at(-1) ?? Number.NaN },
    };
  } finally {
    await database.close();
  }
}

/** The instance owner's account id (the server set it up). */
export async function ownerAccountId(config: DatabaseConfig): Promise<string> {
  const database = await openDatabase(config, () => {});
  try {
    const owner = await database.prisma.account.findFirst({ where: { admin: true } });
    if (owner === null) throw new Error("the server set up no owner");
    return owner.id;
  } finally {
    await database.close();
  }
}
