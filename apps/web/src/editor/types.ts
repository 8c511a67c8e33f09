import type {
  AccessLevel,
  ChartDocument,
  ChartRecord,
  Finding,
  InputIssue,
  Operation,
  OperationsBody,
  OperationsResponse,
} from "@rolemap/contract";

/**
 * "saved": the server has every edit. "saving": a batch is on its way. "failed": the server
 * refused or failed and the editor is retrying (or waits for "retry now"). "offline": no
 * network; the edits are kept and sent when it comes back.
 */
export type SaveStatus = "saved" | "saving" | "failed" | "offline";

export interface SaveState {
  status: SaveStatus;
  /** Batches not yet acknowledged by the server (the one in flight included). */
  pending: number;
  /** When the next automatic retry happens (ms since the epoch), while failed/offline. */
  retryAt: number | null;
  /** For people: why the last attempt failed. */
  error: string | null;
}

export interface Selection {
  roles: readonly string[];
  responsibilities: readonly string[];
  /**
   * Who selected: "canvas", "matrix", "findings", … so a view can react to selections
   * made elsewhere (e.g. the canvas scrolls to roles a finding selected) and not to its own.
   */
  origin: string | null;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** Label of the edit Undo would revert ("Rename chart"), for tooltips. */
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface Notice {
  /** Increases with every notice, so the same message twice is still news. */
  id: number;
  kind: "conflict" | "error" | "info";
  message: string;
}

/** Everything the canvas, matrix and findings panel read. Immutable: a new object per change. */
export interface EditorState {
  chartId: string;
  /** The chart as the user sees it: the server's version plus edits not yet saved. */
  document: ChartDocument;
  /** The server version the next batch is based on. */
  version: number;
  updatedAt: string;
  findings: readonly Finding[];
  /** "local": computed in the browser for edits still being saved; "server": the server's answer. */
  findingsSource: "local" | "server";
  selection: Selection;
  save: SaveState;
  history: HistoryState;
  notice: Notice | null;
  /** What this person may do with the chart (the server's `access` of the chart). */
  access: AccessLevel;
}

export type ApplyResult = { ok: true; changed: boolean } | { ok: false; issues: InputIssue[] };

/** The two calls the editor makes; the API client implements them, tests fake them. */
export interface EditorTransport {
  postOperations(chartId: string, body: OperationsBody): Promise<OperationsResponse>;
  getChart(chartId: string): Promise<ChartRecord>;
}

export interface ChartEditor {
  readonly chartId: string;
  getState(): EditorState;
  /** Calls the listener after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Applies a batch locally at once (all or nothing), records it for undo under `label`
   * and queues it for the server. Invalid batches change nothing and return the problems;
   * so does every batch while the access level is below `edit` (read-only).
   */
  apply(operations: readonly Operation[], label: string): ApplyResult;
  undo(): void;
  redo(): void;
  setSelection(selection: Partial<Selection>): void;
  clearSelection(): void;
  /** Sends failed or offline edits now instead of waiting for the next retry. */
  retryNow(): void;
  dismissNotice(): void;
  /**
   * A chart the server changed at this user's request outside the editor (a matrix import
   * merged into it): taken as after a 409 (edits still waiting are re-applied on top), the
   * undo history is cleared and `message` is shown as an info notice.
   */
  replaceFromServer(record: ChartRecord, message: string): void;
  /**
   * A newer copy from the server (a refetch): taken when no edit is waiting to be saved.
   * Its access level is taken at once, whatever its version (rights may change any time).
   */
  receive(record: ChartRecord): void;
  /** Stops timers and listeners; edits in flight still finish. */
  dispose(): void;
}
