import type { ChartDocument, VersionSummary } from "@rolemap/contract";

/**
 * A chart's history (history.md): the operation log (`chart_versions`) read as versions,
 * and the documents of past versions rebuilt from the nearest snapshot (`chart_snapshots`)
 * by replaying the logged operations. Snapshots are written by the one write path
 * (ChartStore.create and commit); compaction thins out old log rows.
 */

/** One page of the version list, newest first. */
export interface VersionPage {
  versions: VersionSummary[];
  /** The version to pass as `before` for the next page; null on the last page. */
  next: number | null;
}

/** Why a past version's document cannot be given (each answers 404 with its reason). */
export type Unrebuildable =
  /** The chart does not exist. */
  | { status: "no_chart" }
  /** The chart has not reached that version yet. */
  | { status: "future"; current: number }
  /**
   * Written before history was kept (a chart made before snapshots existed): the log has
   * no document to start from. `firstRecorded` is the oldest version that can be shown.
   */
  | { status: "unrecorded"; firstRecorded: number }
  /** Its log rows were compacted away; named versions and the newer ones remain. */
  | { status: "compacted" };

export type Rebuilt = { status: "found"; version: number; document: ChartDocument } | Unrebuildable;

/** What one compaction of one chart did. */
export interface CompactionResult {
  /** Log rows deleted. */
  removedVersions: number;
  /** Snapshots written so the versions still listed can be rebuilt. */
  addedSnapshots: number;
  /** Snapshots deleted because no listed version starts from them any more. */
  removedSnapshots: number;
}

export interface HistoryStore {
  /** Versions older than `before` (all when absent), newest first, at most `limit`. */
  listVersions(
    chartId: string,
    page: { before?: number; limit: number },
  ): Promise<VersionPage | undefined>;
  /** The chart's document as it was at `version`, or why it cannot be given. */
  rebuild(chartId: string, version: number): Promise<Rebuilt>;
  /** The document at `version`; undefined when it cannot be rebuilt (see `rebuild`). */
  documentAt(chartId: string, version: number): Promise<ChartDocument | undefined>;
  /** Charts with log rows written before `cutoff` that compaction could remove. */
  chartsToCompact(cutoff: Date): Promise<string[]>;
  /**
   * Compacts one chart in one transaction: log rows written before `cutoff` are deleted
   * except named versions (create, restore, promote, versions restored to, the base
   * versions of its scenarios) and the newest of them; each kept version gets a snapshot,
   * so every version still listed can be rebuilt.
   */
  compact(chartId: string, cutoff: Date): Promise<CompactionResult>;
}
