import type { ChartDocument, Operation } from "@rolemap/contract";
import type { Prisma } from "../generated/prisma/client.js";
import type { CommitInput } from "../services/chart-store";
import { summaryOf } from "./history-summaries";

export { CREATED_SUMMARY } from "./history-summaries";

/**
 * What the one write path records for history (history.md) besides the operation log:
 * the change in words and, now and then, the whole document (a snapshot) to rebuild past
 * versions from. Never a snapshot per version: the log is the history.
 */

/**
 * A snapshot every this many versions: rebuilding a version reads the nearest one and
 * replays at most this many batches after it. Reading the snapshot is most of the cost
 * (the replay of 199 small batches on a 1,000-role chart is a few ms, bench "history"),
 * and a snapshot of that chart is ~600 KiB against ~180 bytes a small batch: 200 keeps
 * the snapshots of 5,000 versions at ~15 MB where 100 took 31 MB.
 */
export const SNAPSHOT_EVERY = 200;

export interface Snapshot {
  version: number;
  document: ChartDocument;
}

/**
 * The snapshots a commit writes: the new version's document every SNAPSHOT_EVERY versions
 * after the newest snapshot, and, for a chart made before snapshots existed (none at all),
 * the document before this first recorded commit, so its history is complete from there.
 */
export function snapshotsDue(newest: number | null, before: Snapshot, after: Snapshot): Snapshot[] {
  if (newest === null) return [before];
  return after.version - newest >= SNAPSHOT_EVERY ? [after] : [];
}

/** Writes snapshots (a version that has one keeps it). */
export async function insertSnapshots(
  tx: Prisma.TransactionClient,
  chartId: string,
  snapshots: readonly Snapshot[],
) {
  for (const { version, document } of snapshots)
    await tx.$executeRaw`
      INSERT INTO chart_snapshots (chart_id, version, document)
      VALUES (${chartId}::uuid, ${version}, ${JSON.stringify(document)}::jsonb)
      ON CONFLICT (chart_id, version) DO NOTHING`;
}

/** The history columns of a log row besides its operations. */
export interface HistoryColumns {
  summary: string;
  restoredFrom: number | null;
  promotedFromId: string | null;
  promotedFromName: string | null;
}

export function historyColumnsOf(
  input: Pick<CommitInput, "kind" | "meta">,
  before: ChartDocument,
  operations: readonly Operation[],
  after: ChartDocument,
): HistoryColumns {
  return {
    summary: summaryOf(input.kind, before, operations, input.meta, after),
    restoredFrom: input.meta?.restoredFrom ?? null,
    promotedFromId: input.meta?.promotedFrom?.id ?? null,
    promotedFromName: input.meta?.promotedFrom?.name ?? null,
  };
}
