import type { ChartDocument } from "@rolemap/contract";
import type { Prisma } from "../generated/prisma/client.js";
import type { CompactionResult } from "../services/history-store";
import { batchesBetween } from "./history-reads";
import { replay } from "./history-replay";
import { insertSnapshots } from "./history-writes";

type Client = Prisma.TransactionClient;

/**
 * Compaction (history.md, issue 18 item 4): old log rows go, named versions stay. Named:
 * a create, a restore, a promote, a version someone restored to, and the base version of
 * a scenario made from the chart (promote compares against it). The newest compacted
 * version stays too, with a snapshot: the versions after it are rebuilt from there.
 */
const NAMED_KINDS = ["create", "restore", "promote"];

const NOTHING: CompactionResult = { removedVersions: 0, addedSnapshots: 0, removedSnapshots: 0 };

/**
 * Charts with more than one unnamed row written before `cutoff` (one, the newest, is
 * always kept): what a compaction pass visits.
 */
export async function chartsToCompact(client: Client, cutoff: Date): Promise<string[]> {
  const rows = await client.$queryRaw<{ chart_id: string }[]>`
    SELECT chart_id FROM chart_versions
     WHERE created_at < ${cutoff} AND kind <> ALL(${NAMED_KINDS}::text[])
     GROUP BY chart_id HAVING count(*) > 1
     ORDER BY chart_id`;
  return rows.map((row) => row.chart_id);
}

/** The versions of `chartId` that compaction must keep, among those up to `newest`. */
async function keptVersions(
  tx: Client,
  chartId: string,
  newest: number,
  rows: readonly { version: number; kind: string }[],
): Promise<Set<number>> {
  const restoredTo = await tx.$queryRaw<{ version: number }[]>`
    SELECT DISTINCT restored_from AS version FROM chart_versions
     WHERE chart_id = ${chartId}::uuid AND restored_from IS NOT NULL`;
  const bases = await tx.$queryRaw<{ version: number }[]>`
    SELECT DISTINCT base_version AS version FROM charts
     WHERE scenario_of = ${chartId}::uuid AND base_version IS NOT NULL`;
  const named = new Set([
    newest,
    ...restoredTo.map((r) => r.version),
    ...bases.map((r) => r.version),
  ]);
  return new Set(
    rows
      .filter((row) => NAMED_KINDS.includes(row.kind) || named.has(row.version))
      .map((row) => row.version),
  );
}

/**
 * Gives each kept version that has no snapshot one, rebuilt while the rows before it still
 * exist. One pass forward: each rebuild starts from the last one (or a nearer snapshot).
 * A version with nothing to start from (older than the chart's recorded history) stays
 * without one, as it was.
 */
async function snapshotKept(tx: Client, chartId: string, kept: readonly number[], newest: number) {
  const rows = await tx.$queryRaw<{ version: number }[]>`
    SELECT version FROM chart_snapshots
     WHERE chart_id = ${chartId}::uuid AND version <= ${newest} ORDER BY version`;
  const snapshots = rows.map((row) => row.version);
  let held: { version: number; document: ChartDocument } | undefined;
  let added = 0;
  for (const version of kept) {
    if (snapshots.includes(version)) continue;
    const nearest = snapshots.filter((s) => s < version).at(-1);
    if (nearest === undefined) continue;
    if (held === undefined || held.version < nearest) {
      const [loaded] = await tx.$queryRaw<{ document: ChartDocument }[]>`
        SELECT document FROM chart_snapshots
         WHERE chart_id = ${chartId}::uuid AND version = ${nearest}`;
      if (loaded === undefined) continue;
      held = { version: nearest, document: loaded.document };
    }
    const batches = await batchesBetween(tx, chartId, held.version, version);
    if (batches === undefined) continue;
    held = { version, document: replay(held.document, batches) };
    await insertSnapshots(tx, chartId, [held]);
    snapshots.push(version);
    snapshots.sort((a, b) => a - b);
    added += 1;
  }
  return added;
}

/** Compacts one chart, inside the caller's transaction, under the chart's row lock. */
export async function compactChart(
  tx: Client,
  chartId: string,
  cutoff: Date,
): Promise<CompactionResult> {
  // No commit of the chart runs meanwhile (it takes the same lock).
  const locked = await tx.$queryRaw<{ version: number }[]>`
    SELECT version FROM charts WHERE id = ${chartId}::uuid FOR UPDATE`;
  if (locked.length === 0) return NOTHING;
  const [range] = await tx.$queryRaw<{ newest: number | null }[]>`
    SELECT max(version) AS newest FROM chart_versions
     WHERE chart_id = ${chartId}::uuid AND created_at < ${cutoff}`;
  const newest = range?.newest ?? null;
  if (newest === null) return NOTHING;
  const rows = await tx.$queryRaw<{ version: number; kind: string }[]>`
    SELECT version, kind FROM chart_versions
     WHERE chart_id = ${chartId}::uuid AND version <= ${newest} ORDER BY version`;
  const kept = await keptVersions(tx, chartId, newest, rows);
  const removed = rows.filter((row) => !kept.has(row.version)).map((row) => row.version);
  if (removed.length === 0) return NOTHING;
  const keptList = [...kept].sort((a, b) => a - b);
  const addedSnapshots = await snapshotKept(tx, chartId, keptList, newest);
  const removedVersions = await tx.$executeRaw`
    DELETE FROM chart_versions
     WHERE chart_id = ${chartId}::uuid AND version = ANY(${removed}::int[])`;
  // A snapshot below `newest` at a version no longer listed starts no rebuild any more.
  const removedSnapshots = await tx.$executeRaw`
    DELETE FROM chart_snapshots
     WHERE chart_id = ${chartId}::uuid AND version <= ${newest}
       AND version <> ALL(${keptList}::int[])`;
  return { removedVersions, addedSnapshots, removedSnapshots };
}
