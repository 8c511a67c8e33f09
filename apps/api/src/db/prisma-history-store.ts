import type { Operation, VersionKind, VersionSummary } from "@rolemap/contract";
import { VERSION_KINDS } from "@rolemap/contract";
import { Prisma } from "../generated/prisma/client.js";
import type { HistoryStore, Rebuilt } from "../services/history-store";
import type { Database } from "./database";
import { chartsToCompact, compactChart } from "./history-compaction";
import { batchesBetween, oldestSnapshot, snapshotAtOrBelow } from "./history-reads";
import { replay } from "./history-replay";
import { summaryOfLoggedRow } from "./legacy-summary";
import { readChartRows, rowsToDocument } from "./rows";

type Client = Prisma.TransactionClient;

interface VersionRow {
  version: number;
  kind: string;
  created_at: Date;
  author: string | null;
  summary: string | null;
  restored_from: number | null;
  promoted_from_id: string | null;
  promoted_from_name: string | null;
  /** Only for rows without a summary (written before summaries were kept). */
  detail: Operation[] | null;
}

const LAST_VERSION = 2 ** 31 - 1;

const kindOf = (kind: string): VersionKind =>
  (VERSION_KINDS as readonly string[]).includes(kind) ? (kind as VersionKind) : "operations";

/** A past version, inside one snapshot of the database (see `rebuild`). */
async function rebuildIn(tx: Client, chartId: string, version: number): Promise<Rebuilt> {
  const head = await tx.chart.findUnique({ where: { id: chartId }, select: { version: true } });
  if (head === null) return { status: "no_chart" };
  if (version > head.version) return { status: "future", current: head.version };
  if (version === head.version) {
    // The current version is the tables themselves (a chart older than snapshots has them too).
    const rows = await readChartRows(tx, chartId);
    if (rows === null) return { status: "no_chart" };
    return { status: "found", version, document: rowsToDocument(rows) };
  }
  const [logged] = await tx.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM chart_versions
                    WHERE chart_id = ${chartId}::uuid AND version = ${version}) AS found`;
  if (logged?.found !== true) return { status: "compacted" };
  const snapshot = await snapshotAtOrBelow(tx, chartId, version);
  if (snapshot === undefined) {
    const oldest = await oldestSnapshot(tx, chartId);
    return { status: "unrecorded", firstRecorded: oldest?.version ?? head.version };
  }
  const batches = await batchesBetween(tx, chartId, snapshot.version, version);
  if (batches === undefined) return { status: "compacted" };
  return { status: "found", version, document: replay(snapshot.document, batches) };
}

export function createPrismaHistoryStore(database: Database): HistoryStore {
  const { prisma } = database;
  // One snapshot of the database: a commit or a compaction in between cannot mix versions.
  const readOnly = { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead };

  const rebuild = (chartId: string, version: number) =>
    prisma.$transaction((tx) => rebuildIn(tx, chartId, version), readOnly);

  const namesFor = async (chartId: string) =>
    (await oldestSnapshot(prisma, chartId))?.document ??
    prisma.$transaction(async (tx) => {
      const rows = await readChartRows(tx, chartId);
      return rows === null ? undefined : rowsToDocument(rows);
    }, readOnly);

  return {
    async listVersions(chartId, { before, limit }) {
      const head = await prisma.chart.findUnique({ where: { id: chartId }, select: { id: true } });
      if (head === null) return undefined;
      const rows = await prisma.$queryRaw<VersionRow[]>`
        SELECT v.version, v.kind, v.created_at, v.summary, v.restored_from,
               v.promoted_from_id, v.promoted_from_name,
               COALESCE(v.author_name, a.name, CASE WHEN v.kind = 'create' THEN o.name END) AS author,
               CASE WHEN v.summary IS NULL THEN v.detail END AS detail
          FROM chart_versions v
          JOIN charts c ON c.id = v.chart_id
          LEFT JOIN accounts a ON a.id = v.author_id
          LEFT JOIN accounts o ON o.id = c.owner_id
         WHERE v.chart_id = ${chartId}::uuid AND v.version < ${before ?? LAST_VERSION}
         ORDER BY v.version DESC
         LIMIT ${limit + 1}`;
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
