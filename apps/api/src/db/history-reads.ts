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
