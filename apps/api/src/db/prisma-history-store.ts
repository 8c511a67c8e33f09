import type { VersionKind, VersionSummary } from "@rolemap/contract";
import { VERSION_KINDS } from "@rolemap/contract";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { HistoryStore, Rebuilt } from "../services/history-store";
import type { Database } from "./database";
import { chartsToCompact, compactChart } from "./history-compaction";
import {
  batchesBetween,
  headAndSnapshot,
  isLogged,
  oldestSnapshot,
  versionRows,
} from "./history-reads";
import { replay } from "./history-replay";
import { summaryOfLoggedRow } from "./history-summaries";
import { readChartRows, rowsToDocument } from "./rows";

const kindOf = (kind: string): VersionKind =>
  (VERSION_KINDS as readonly string[]).includes(kind) ? (kind as VersionKind) : "operations";

/** Reads that answer one of them in one snapshot of the database. */
const REPEATABLE_READ = { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead };

/** The current document from the tables (a chart made before snapshots has them too). */
async function currentDocument(client: PrismaClient, chartId: string, version: number) {
  return client.$transaction(async (tx) => {
    const rows = await readChartRows(tx, chartId);
    return rows === null || rows.version !== version ? undefined : rowsToDocument(rows);
  }, REPEATABLE_READ);
}

/**
 * A version's document: the nearest snapshot at or below it and the batches after it, read
 * without a transaction (one costs as much again on the embedded database). The log below
 * the chart's version never changes except by compaction, which can only make the batches
 * come out incomplete, never wrong: the caller asks again once.
 */
async function rebuildOnce(
  client: PrismaClient,
  chartId: string,
  version: number,
): Promise<Rebuilt> {
  const head = await headAndSnapshot(client, chartId, version);
  if (head === undefined) return { status: "no_chart" };
  if (version > head.current) return { status: "future", current: head.current };
  if (head.snapshot !== undefined) {
    const batches = await batchesBetween(client, chartId, head.snapshot.version, version);
    if (batches !== undefined)
      return { status: "found", version, document: replay(head.snapshot.document, batches) };
  }
  if (version === head.current) {
    const document = await currentDocument(client, chartId, version);
    // The chart moved on meanwhile: its version is a past one now.
    return document === undefined
      ? rebuildOnce(client, chartId, version)
      : { status: "found", version, document };
  }
  if (head.snapshot !== undefined || !(await isLogged(client, chartId, version)))
    return { status: "compacted" };
  const oldest = await oldestSnapshot(client, chartId);
  return { status: "unrecorded", firstRecorded: oldest?.version ?? head.current };
}

export function createPrismaHistoryStore(database: Database): HistoryStore {
  const { prisma } = database;
  const rebuild = async (chartId: string, version: number) => {
    const rebuilt = await rebuildOnce(prisma, chartId, version);
    // A compaction of the chart may have run between two reads: then it is over.
    return rebuilt.status === "compacted" ? rebuildOnce(prisma, chartId, version) : rebuilt;
  };

  const namesFor = async (chartId: string) =>
    (await oldestSnapshot(prisma, chartId))?.document ??
    prisma.$transaction(async (tx) => {
      const rows = await readChartRows(tx, chartId);
      return rows === null ? undefined : rowsToDocument(rows);
    }, REPEATABLE_READ);

  return {
    async listVersions(chartId, { before, limit }) {
      const head = await prisma.chart.findUnique({
        where: { id: chartId },
        select: { version: true },
      });
      if (head === null) return undefined;
      const top = Math.min(before ?? head.version + 1, head.version + 1);
      const want = limit + 1;
      // A window just below `top` first; older rows only where compaction left gaps in it.
      const rows = await versionRows(prisma, chartId, top - want, top, want);
      if (rows.length < want && top - want > 1)
        rows.push(...(await versionRows(prisma, chartId, 1, top - want, want - rows.length)));
      const page = rows.slice(0, limit);
      // Rows written before summaries were kept are described from their operations, with
      // names from the oldest recorded document (or the chart itself).
      const names = page.some((row) => row.summary === null && row.detail !== null)
        ? await namesFor(chartId)
        : undefined;
      const versions = page.map(
        (row): VersionSummary => ({
          version: row.version,
          kind: kindOf(row.kind),
          by: { name: row.author ?? "someone" },
          at: row.created_at.toISOString(),
          summary: row.summary ?? summaryOfLoggedRow(row.kind, row.detail, names),
          ...(row.restored_from === null ? {} : { restoredFrom: row.restored_from }),
          ...(row.promoted_from_id === null
            ? {}
            : { promotedFrom: { id: row.promoted_from_id, name: row.promoted_from_name ?? "" } }),
        }),
      );
      const last = page.at(-1);
      return { versions, next: rows.length > limit && last !== undefined ? last.version : null };
    },

    rebuild,

    async documentAt(chartId, version) {
      const rebuilt = await rebuild(chartId, version);
      return rebuilt.status === "found" ? rebuilt.document : undefined;
    },

    chartsToCompact: (cutoff) => chartsToCompact(prisma, cutoff),

    compact: (chartId, cutoff) => prisma.$transaction((tx) => compactChart(tx, chartId, cutoff)),
  };
}
