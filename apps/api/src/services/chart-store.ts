import type { AccessLevel, ChartDocument, ChartListItem, DatabaseKind } from "@rolemap/contract";

/** A chart as stored: the document plus server fields. */
export interface StoredChart {
  id: string;
  version: number;
  updatedAt: Date;
  document: ChartDocument;
}

/** Whose charts a list shows: an account's own and shared ones, or a guest's one chart. */
export type ChartViewer = { accountId: string } | { chartId: string; access: AccessLevel };

/** Denormalised counts kept beside a chart so the list needs no validation pass. */
export type ChartCounts = ChartListItem["counts"];

/** What a change computes from the current chart; the store writes it atomically. */
export interface ChartChange {
  document: ChartDocument;
  counts: ChartCounts;
  /** Recorded in the chart's version history. */
  kind: "create" | "replace" | "operations" | "import";
  detail?: unknown;
}

export type UpdateOutcome =
  | { status: "updated"; chart: StoredChart }
  | { status: "not_found" }
  | { status: "version_conflict"; currentVersion: number };

/**
 * Persistence of charts. Implemented with Prisma over embedded or server PostgreSQL;
 * every method is one transaction, so a crash leaves either the old or the new chart.
 */
export interface ChartStore {
  readonly kind: DatabaseKind;
  /** Stores a new chart owned by `ownerId`. */
  create(change: ChartChange, ownerId: string): Promise<StoredChart>;
  get(id: string): Promise<StoredChart | undefined>;
  /** The charts `viewer` may see, most recently changed first, each with its access. */
  list(page: {
    limit: number;
    offset: number;
    viewer: ChartViewer;
  }): Promise<{ items: ChartListItem[]; total: number }>;
  /**
   * Reads the chart under a row lock, lets `compute` derive the change (it may throw to
   * abort), writes the difference and bumps the version. With `expectedVersion`, a chart
   * at another version is left alone and reported as a conflict.
   */
  update(
    id: string,
    expectedVersion: number | undefined,
    compute: (current: StoredChart) => ChartChange,
  ): Promise<UpdateOutcome>;
  remove(id: string): Promise<boolean>;
  close(): Promise<void>;
}
