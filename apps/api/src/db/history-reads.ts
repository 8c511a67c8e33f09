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

/** The snapshot nearest at or below `version`. */
export async function snapshotAtOrBelow(client: Client, chartId: string, version: number) {
  const [row] = await client.$queryRaw<{ version: number; document: ChartDocument }[]>`
    SELECT version, document FROM chart_snapshots
     WHERE chart_id = ${chartId}::uuid AND version <= ${version}
     ORDER BY version DESC LIMIT 1`;
  return row;
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
