import type { ChartDocument, Operation } from "@rolemap/contract";
import type { Prisma } from "../generated/prisma/client.js";

/** The reads history is rebuilt from: snapshots and the operation log. */

type Client = Prisma.TransactionClient;

/** The oldest snapshot of a chart: the document names in old rows are read against. */
export async function oldestSnapshot(client: Client, chartId: string) {
  const [row] = await client.$queryRaw<{ version: number; document: ChartDocument }[]>`
    SELECT version, document FROM chart_snapshots
     WHERE chart_id = ${chartId}::uuid ORDER BY version LIMIT 1`;
  return row;
}

/** The chart's current version and the snapshot nearest at or below `version`, in one query. */
export async function headAndSnapshot(client: Client, chartId: string, version: number) {
  const [row] = await client.$queryRaw<
    { current: number; snapshot: number | null; document: ChartDocument | null }[]
  >`
    SELECT c.version AS current, s.version AS snapshot, s.document
      FROM charts c
      LEFT JOIN LATERAL (SELECT version, document FROM chart_snapshots
                          WHERE chart_id = c.id AND version <= ${version}
                          ORDER BY version DESC LIMIT 1) s ON true
     WHERE c.id = ${chartId}::uuid`;
  if (row === undefined) return undefined;
  const { current, snapshot, document } = row;
  return {
    current,
    snapshot: snapshot === null || document === null ? undefined : { version: snapshot, document },
  };
}

/** Whether the log still has a row for `version`. */
export async function isLogged(client: Client, chartId: string, version: number) {
  const [row] = await client.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM chart_versions
                    WHERE chart_id = ${chartId}::uuid AND version = ${version}) AS found`;
  return row?.found === true;
}

/**
 * The logged batches after `from` up to `to`, in order; undefined when the log does not
 * hold every one of them as operations (compacted, or from before the live protocol).
 */
export async function batchesBetween(
  client: Client,
  chartId: string,
  from: number,
  to: number,
): Promise<Operation[][] | undefined> {
  if (to <= from) return [];
  const rows = await client.$queryRaw<{ detail: Operation[] | null }[]>`
    SELECT detail FROM chart_versions
     WHERE chart_id = ${chartId}::uuid AND version > ${from} AND version <= ${to}
     ORDER BY version`;
  if (rows.length !== to - from) return undefined;
  const batches: Operation[][] = [];
  for (const { detail } of rows) {
    if (detail === null) return undefined;
    batches.push(detail);
  }
  return batches;
}

export interface VersionRow {
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

/**
 * The log rows from `lowest` up to before `below`, newest first, at most `take`, with their
 * authors' names. Bounded on both sides: with an open range (and no statistics, as on the
 * embedded database) the planner read and sorted all of a chart's rows for one page.
 */
export function versionRows(
  client: Client,
  chartId: string,
  lowest: number,
  below: number,
  take: number,
): Promise<VersionRow[]> {
  return client.$queryRaw<VersionRow[]>`
    SELECT v.version, v.kind, v.created_at, v.summary, v.restored_from,
           v.promoted_from_id, v.promoted_from_name, v.detail,
           COALESCE(v.author_name, a.name, CASE WHEN v.kind = 'create' THEN o.name END) AS author
      FROM (SELECT chart_id, version, kind, created_at, summary, restored_from,
                   promoted_from_id, promoted_from_name, author_id, author_name,
                   CASE WHEN summary IS NULL THEN detail END AS detail
              FROM chart_versions
             WHERE chart_id = ${chartId}::uuid AND version >= ${lowest} AND version < ${below}
             ORDER BY version DESC
             LIMIT ${take}) v
      JOIN charts c ON c.id = v.chart_id
      LEFT JOIN accounts a ON a.id = v.author_id
      LEFT JOIN accounts o ON o.id = c.owner_id
     ORDER BY v.version DESC`;
}
