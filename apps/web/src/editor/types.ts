import type {
  AccessLevel,
  CellRef,
  ChartDocument,
  ChartRecord,
  Finding,
  InputIssue,
  Operation,
  PresenceFields,
  ServerMessage,
  Viewport,
} from "@rolemap/contract";
import type { ServerMessageListener } from "./server-messages";

/**
 * "saved": the server has every edit. "saving": edits are on their way over a live
 * connection. "offline": not connected; the edits are kept in the browser (IndexedDB) and
 * sent when the connection is back. "failed": the connection ended for good (rights taken
 * away, chart deleted, signed out): the edits are kept but cannot be sent.
 */
export type SaveStatus = "saved" | "saving" | "failed" | "offline";

export interface SaveState {
  status: SaveStatus;
  /** My batches not yet acknowledged by the server (kept in the browser meanwhile). */
  pending: number;
  /** Every waiting batch is kept in this browser's storage (a reload or a closed tab loses none). */
  stored: boolean;
  /** When the next reconnect attempt happens (ms since the epoch), while offline. */
  retryAt: number | null;
  /** For people: why the edits cannot be sent, while failed or offline. */
  error: string | null;
}

/**
 * The live connection (`rolemap.live/v1`): "connecting" (first time), "live" (welcomed; peers'
 * edits arrive as they happen), "reconnecting" (lost; trying again soon), "offline" (the
 * browser has no network), "closed" (ended for good: see `SaveState.error`).
 */
export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline" | "closed";

/** The facilitator's lock: while locked, only the owner's edits are accepted. */
export interface LockState {
  locked: boolean;
  /** Who locked or unlocked it last, by name; null when never changed in this session. */
  by: string | null;
}

/** Who this tab is on the live connection (from the server's welcome). */
export interface Me {
  peer: string;
  name: string;
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
  selection: Selection;
  save: SaveState;
  connection: ConnectionStatus;
  lock: LockState;
  /** Null until the first welcome. */
  me: Me | null;
  history: HistoryState;
  notice: Notice | null;
  /** What this person may do with the chart (the server's `access` of the chart). */
  access: AccessLevel;
}

export type ApplyResult = { ok: true; changed: boolean } | { ok: false; issues: InputIssue[] };

/** The part of the browser's WebSocket the editor uses (tests give it a fake). */
export interface LiveSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "open", listener: () => void): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: "close",
    listener: (event: { code: number; reason: string }) => void,
  ): void;
  addEventListener(type: "error", listener: () => void): void;
}

/** How the editor reaches the server; the API client implements it, tests fake it. */
export interface EditorTransport {
  /** Opens the chart's live connection (`GET /api/charts/:id/live`). */
  openLive(chartId: string): LiveSocket;
  /** Asked when a connection is refused: tells a lost right (401, 404) from a network problem. */
  getChart(chartId: string): Promise<ChartRecord>;
}

// ---- presence -------------------------------------------------------------------------

export type { CellRef, Viewport } from "@rolemap/contract";

/** What a field editor holds open, as live.md's presence `editing`. */
export type EditingTarget = NonNullable<PresenceFields["editing"]>;

/** Another person on the chart, as their last presence message left them. */
export interface Peer {
  peer: string;
  name: string;
  /** A CSS colour, the same for this peer in every tab. */
  colour: string;
  /** Selected role ids. */
  roles: readonly string[];
  /** Selected matrix cells. */
  cells: readonly CellRef[];
  /** The pointer in chart coordinates; null when off the canvas. */
  cursor: { x: number; y: number } | null;
  viewport: Viewport | null;
  editing: EditingTarget | null;
  /** When their last presence arrived (ms since the epoch, this browser's clock). */
  seenAt: number;
}

export interface PresenceState {
  /** Everyone else on the chart now, in the order they arrived. */
  peers: readonly Peer[];
  /** The peer whose view this tab follows, or null. */
  following: string | null;
}

/**
 * Presence changes up to 20 times a second per peer: it has its own store so that the
 * document's subscribers (every card, the matrix) do not run for it.
 */
export interface PresenceStore {
  getState(): PresenceState;
  subscribe(listener: () => void): () => void;
}

/** What this tab tells its peers; each field is sent when it changes (throttled). */
export interface MyPresence {
  cursor?: { x: number; y: number } | null;
  viewport?: Viewport;
  editing?: EditingTarget | null;
}

/** A request to move this tab's view: a peer summoned everyone, or the followed peer moved. */
export interface ViewportRequest {
  viewport: Viewport;
  reason: "summon" | "follow";
  /** Who, by name. */
  by: string;
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
  /** Reconnects now instead of waiting for the next attempt (offline, reconnecting). */
  retryNow(): void;
  dismissNotice(): void;
  /** Shows `message` as an info notice (a gesture the chart could not take, say why). */
  notify(message: string): void;
  /**
   * A chart the server changed at this user's request outside the editor (a matrix import
   * merged into it): taken at once (edits still waiting are re-applied on top), the undo
   * history is cleared and `message` is shown as an info notice. Its `applied` message
   * arrives live too and is then recognised as already taken.
   */
  replaceFromServer(record: ChartRecord, message: string): void;
  /**
   * A newer copy from the server (a refetch): its access level is taken at once (rights may
   * change any time); its document only while not live and nothing of mine is waiting.
   */
  receive(record: ChartRecord): void;

  // ---- live workshop ----
  /** Peers: who is here, where they point, what they select. */
  readonly presence: PresenceStore;
  /** Tells peers where I am (sent throttled; the selection is sent by `setSelection`). */
  setPresence(presence: MyPresence): void;
  /** Follows a peer's view (null: stop). Their viewport changes arrive as `ViewportRequest`s. */
  follow(peer: string | null): void;
  /** "Bring everyone to me": peers' views move to my last `setPresence` viewport (edit level). */
  summon(): void;
  /** Owner only: while locked, only the owner's edits are accepted. */
  setLocked(locked: boolean): void;
  /**
   * A page shows this editor (returns the release). Editors outlive their page (edits keep
   * saving), but a few seconds after the last page leaves, with nothing of mine waiting,
   * the live connection closes, so peers no longer see me; it opens again on the next retain.
   */
  retain(): () => void;
  /** Calls the listener when a summon or the followed peer asks this tab's view to move. */
  onViewportRequest(listener: (request: ViewportRequest) => void): () => void;
  /**
   * Calls the listener with each live message of this `type` once the editor has taken it:
   * `comment` and `round` (not chart changes), or `applied` / `welcome` to hear that the
   * chart changed (a version list). Returns the unsubscribe function.
   */
  onServerMessage<T extends ServerMessage["type"]>(
    type: T,
    listener: ServerMessageListener<T>,
  ): () => void;
  /** Closes the live connection and stops timers; edits not yet sent stay in the browser. */
  dispose(): void;
}
