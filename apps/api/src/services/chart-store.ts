import type {
  AccessLevel,
  ChartDocument,
  ChartListItem,
  DatabaseKind,
  Operation,
} from "@rolemap/contract";

/** A what-if scenario's tie to the chart it was copied from (history.md). */
export interface ScenarioLink {
  /** The original chart. */
  of: string;
  /** The original's version the scenario's changes are relative to (promote's base). */
  baseVersion: number;
}

/** A chart as stored: the document plus server fields. */
export interface StoredChart {
  id: string;
  version: number;
  updatedAt: Date;
  document: ChartDocument;
  /** Set for a scenario whose original still exists. */
  scenario?: ScenarioLink;
}

/** A scenario as `GET /scenarios` lists it. */
export interface ScenarioEntry {
  id: string;
  name: string;
  link: ScenarioLink;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Who made it (the create's author; the owner's name for rows without one). */
  createdBy: string;
  promotedAt: Date | null;
  promotedVersion: number | null;
}

/** What a create may add to the new chart. */
export interface CreateOptions {
  /** Makes it a scenario of another chart. */
  scenario?: ScenarioLink;
  /** Who made it, as the log's first entry names them. */
  author?: Author;
  /** The first version in words, when it is more than "created the chart". */
  summary?: string;
}

/** Whose charts a list shows: an account's own and shared ones, or a guest's one chart. */
export type ChartViewer = { accountId: string } | { chartId: string; access: AccessLevel };

/** Denormalised counts kept beside a chart so the list needs no validation pass. */
export type ChartCounts = ChartListItem["counts"];

/** What a create computes; the store writes it atomically. */
export interface ChartChange {
  document: ChartDocument;
  counts: ChartCounts;
}

/** Who made a write, as the operation log keeps it and live peers see it. */
export interface Author {
  /** The account; null for a guest. */
  accountId: string | null;
  name: string;
  /** The live connection it came from; null over HTTP. */
  peer: string | null;
}

/** What a write was, as the version list names it (`create` is the store's own). */
export type WriteKind = "operations" | "replace" | "import" | "restore" | "promote";

/** What a named version remembers (history.md): the version restored, the scenario promoted. */
export interface WriteMeta {
  restoredFrom?: number;
  promotedFrom?: { id: string; name: string };
}

/** One entry of a chart's operation log: everything a live client needs to replay it. */
export interface LogEntry {
  version: number;
  batchId: string;
  author: Author;
  operations: Operation[];
}

/** The chart as a write sees it, under its row lock. */
export interface LockedChart {
  version: number;
  document: ChartDocument;
  /** The account holding the facilitator's lock, if any. */
  lockedBy: string | null;
}

/** One write through the operation path. */
export interface CommitInput {
  chartId: string;
  batchId: string;
  kind: WriteKind;
  author: Author;
  /** restore and promote: where the change came from, kept in the log row. */
  meta?: WriteMeta;
  /** When given, a chart at another version is left alone and reported. */
  expectedVersion?: number;
  /**
   * Derives the new document and the operations it amounts to from the chart as it is.
   * Throws to refuse the write (nothing is changed).
   */
  plan(current: LockedChart): { document: ChartDocument; operations: Operation[] };
}

export type CommitOutcome =
  | { status: "committed"; entry: LogEntry; chart: StoredChart }
  /** The batch id was already stored: nothing applied, the first answer stands. */
  | { status: "duplicate"; version: number }
  | { status: "not_found" }
  | { status: "version_conflict"; currentVersion: number };

/** Version and lock of a chart: what a live connection needs without the document. */
export interface ChartHead {
  version: number;
  lockedBy: string | null;
}

/**
 * Persistence of charts. Implemented with Prisma over embedded or server PostgreSQL;
 * every write is one transaction, so a crash leaves either the old or the new chart.
 */
export interface ChartStore {
  readonly kind: DatabaseKind;
  /** Stores a new chart owned by `ownerId`. */
  create(change: ChartChange, ownerId: string, options?: CreateOptions): Promise<StoredChart>;
  get(id: string): Promise<StoredChart | undefined>;
  head(id: string): Promise<ChartHead | undefined>;
  /** The current versions of the charts that exist among `ids`. */
  versions(ids: readonly string[]): Promise<Map<string, number>>;
  /** The charts `viewer` may see, most recently changed first, each with its access. */
  list(page: {
    limit: number;
    offset: number;
    viewer: ChartViewer;
  }): Promise<{ items: ChartListItem[]; total: number }>;
  /**
   * The one write path: under the chart's row lock, answers a stored batch id as a
   * duplicate, lets `plan` derive the change, writes only the rows it touches, appends
   * it to the operation log and bumps the version, in one transaction.
   */
  commit(input: CommitInput): Promise<CommitOutcome>;
  /**
   * Log entries after `afterVersion` up to `toVersion` (inclusive), in order; undefined when
   * the log does not hold all of them as operations (the client needs the whole chart).
   */
  readLog(id: string, afterVersion: number, toVersion: number): Promise<LogEntry[] | undefined>;
  /** Sets or clears the facilitator's lock; false when the chart is gone. */
  setLock(id: string, lockedBy: string | null): Promise<boolean>;
  /** Finding counts computed for `version` (kept when newer ones are already stored). */
  saveCounts(id: string, version: number, counts: ChartCounts): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** The scenarios made from `originalId`, newest first. */
  scenarios(originalId: string): Promise<ScenarioEntry[]>;
  /**
   * Records that a scenario of `originalId` was promoted into its `version`, and moves the
   * scenario's base to `baseVersion` when given (a second promote applies only what changed
   * since). False when the scenario is gone or no longer a scenario of it.
   */
  markPromoted(
    scenarioId: string,
    originalId: string,
    version: number,
    baseVersion?: number,
  ): Promise<boolean>;
  /** Resolves once the database answers a trivial query (the health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
