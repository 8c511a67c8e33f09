import type {
  ChartDocument,
  ChartRecord,
  InputIssue,
  Operation,
  PeerPresence,
  PresenceFields,
  ServerMessage,
} from "@rolemap/contract";
import {
  applyOperations,
  invertOperations,
  sameJson,
  structuralConflicts,
  validateChart,
} from "@rolemap/domain";
import { ApiError } from "../api/client";
import { hasAccess } from "../auth/access";
import { notifyUnauthenticated } from "../auth/session-events";
import {
  DEFAULT_HISTORY_LIMIT,
  EMPTY_HISTORY,
  forgetBatch,
  type History,
  type HistoryStep,
  recordEdit,
  redoStep,
  summariseHistory,
  undoStep,
} from "./history";
import { loadedOperationChecks } from "./lazy-operation-checks";
import { createLiveLink, type EndReason, type LinkStatus, type LiveLinkOptions } from "./live-link";
import { newId } from "./new-id";
import { browserOutbox, type Outbox, type StoredBatch } from "./outbox";
import { createPresenceStore } from "./presence-store";
import { createServerMessageBus } from "./server-messages";
import { shareStructure } from "./share-structure";
import { describeReject, END_MESSAGES, lockNotice } from "./sync-messages";
import {
  addPending,
  type OwnBatch,
  type SyncState,
  syncState,
  takeAck,
  takeApplied,
  takeChart,
  takeReject,
  unacked,
  viewOf,
} from "./sync-state";
import type {
  ChartEditor,
  ConnectionStatus,
  EditorState,
  EditorTransport,
  MyPresence,
  Notice,
  SaveState,
  Selection,
  ViewportRequest,
} from "./types";

/** Why `apply` refuses every batch on a chart this person may only view (or comment on). */
export const READ_ONLY_MESSAGE = "You can view this chart but not change it.";
/** Why `apply` refuses while the owner holds the lock. */
export const LOCKED_MESSAGE = "The owner has locked this chart: only they can change it now.";

/** The server takes at most this many operations in one batch; longer edits go in chunks. */
export const MAX_OPERATIONS_PER_BATCH = 5000;

/** Peers' presence is taken at most this often (one 60 Hz frame). */
const PRESENCE_FRAME_MS = 16;

export interface ChartEditorOptions {
  /** The chart as loaded from the server. */
  record: ChartRecord;
  transport: EditorTransport;
  /** Where my unsent edits are kept (default: this browser's IndexedDB). */
  outbox?: Outbox;
  /** Who edits (an account id, a guest): the outbox keeps each person's edits apart. */
  author?: string;
  /** Now and then (at most every `savedEveryMs`), the chart as the server has it (cache updates). */
  onSaved?(record: ChartRecord): void;
  savedEveryMs?: number;
  historyLimit?: number;
  /** With no page showing the editor for this long, its connection closes (see `retain`). */
  suspendAfterMs?: number;
  /** Presence goes out at most this often (live.md: ≤ 20 a second). */
  presenceEveryMs?: number;
  /** An unacknowledged batch is sent again after this long on an open connection. */
  resendAfterMs?: number;
  /**
   * Peers' changes are shown at most this often: twenty people each sending a batch every
   * two seconds would otherwise redraw a large canvas ten times a second.
   */
  peerRefreshMs?: number;
  /** The connection's timing and network hooks (tests shorten them). */
  link?: Partial<
    Pick<LiveLinkOptions, "isOnline" | "watchNetwork" | "pingMs" | "deadMs" | "backoff">
  >;
  now?(): number;
}

const EMPTY_SELECTION: Selection = { roles: [], responsibilities: [], origin: null };

/**
 * The editor of one chart: what the person sees and does (document, findings, selection,
 * undo of their own edits, notices), kept apart from how it is synchronised: the document
 * is a `SyncState` (sync-state.ts: the server's chart plus my pending batches), the live
 * connection is a `LiveLink` (live-link.ts), unsent edits are kept in an `Outbox`
 * (IndexedDB). One person or twenty: the same state, the same path.
 *
 * Every edit is `apply(operations, label)`: checked and applied locally at once, recorded
 * with its inverse for undo, stored in the outbox and sent as an `ops` message. The server
 * orders every batch and tells everyone (`applied`); mine are acked or rejected (a rejected
 * one is undone here with the reason shown). A dropped connection reconnects and sends
 * again what was not acknowledged; the server applies each batch exactly once.
 */
export function createChartEditor(options: ChartEditorOptions): ChartEditor {
  const { record, transport } = options;
  const chartId = record.id;
  const now = options.now ?? Date.now;
  const outbox = options.outbox ?? browserOutbox();
  const author = options.author ?? "";
  const historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const listeners = new Set<() => void>();
  const viewportListeners = new Set<(request: ViewportRequest) => void>();
  const presence = createPresenceStore(now);
  const tab = newId();

  let sync: SyncState = syncState(record.document, record.version);
  let history: History = EMPTY_HISTORY;
  let noticeId = 0;
  let welcomed = false;
  let disposed = false;
  /** Batches whose outbox write has not finished (leaving now could lose them). */
  let unstored = 0;
  let storeFailed = false;
  let lastMadeAt = 0;
  let retryAt: number | null = null;
  let endReason: EndReason | null = null;
  const sentAt = new Map<string, number>();

  let state: EditorState = {
    chartId,
    document: record.document,
    version: record.version,
    updatedAt: record.updatedAt,
    findings: validateChart(record.document),
    selection: EMPTY_SELECTION,
    save: { status: "saved", pending: 0, stored: true, retryAt: null, error: null },
    connection: "connecting",
    lock: { locked: false, by: null },
    me: null,
    history: summariseHistory(history),
    notice: null,
    access: record.access,
  };

  const setState = (changes: Partial<EditorState>) => {
    state = { ...state, ...changes };
    for (const listener of listeners) listener();
  };

  const notice = (kind: Notice["kind"], message: string): Notice => {
    noticeId += 1;
    return { id: noticeId, kind, message };
  };

  /** The state for the document `sync` now shows: findings, selection without lost ids. */
  const documentChanges = (): Partial<EditorState> => {
    const document = shareStructure(state.document, viewOf(sync));
    const changes: Partial<EditorState> = { version: sync.version };
    if (document === state.document) return changes;
    return {
      ...changes,
      document,
      findings: validateChart(document),
      selection: pruneSelection(state.selection, document),
    };
  };

  // Peers' changes: shown at once after a quiet spell, then at most every `peerRefreshMs`.
  const peerRefreshMs = options.peerRefreshMs ?? 200;
  let peerTimer: ReturnType<typeof setTimeout> | null = null;
  let peerShownAt = Number.NEGATIVE_INFINITY;
  const refreshForPeers = () => {
    if (peerTimer !== null) return;
    peerTimer = setTimeout(
      () => {
        peerShownAt = now();
        refresh();
      },
      Math.max(0, peerShownAt + peerRefreshMs - now()),
    );
  };

  function saveState(connection = state.connection): SaveState {
    const pending = unacked(sync).length;
    const stored = unstored === 0 && !storeFailed;
    if (connection === "closed")
      return {
        status: pending === 0 ? "saved" : "failed",
        pending,
        stored,
        retryAt: null,
        error: endReason === null ? null : END_MESSAGES[endReason],
      };
    if (connection === "live")
      return {
        status: pending === 0 ? "saved" : "saving",
        pending,
        stored,
        retryAt: null,
        error: null,
      };
    if (pending === 0) return { status: "saved", pending, stored, retryAt, error: null };
    return {
      status: "offline",
      pending,
      stored,
      retryAt,
      error: stored
        ? "Not connected: your changes are kept in this browser and sent when the connection is back."
        : "Not connected: your changes are waiting to be sent.",
    };
  }

  /** Re-renders what the sync state, the connection or the outbox changed. */
  function refresh(extra: Partial<EditorState> = {}) {
    if (peerTimer !== null) clearTimeout(peerTimer);
    peerTimer = null;
    const changes = { ...documentChanges(), ...extra };
    const save = saveState(extra.connection);
    if (!sameJson(save, state.save)) changes.save = save;
    setState(changes);
  }

  // ---- saved copies for the query cache (the home page's list, a later visit) ----
  let savedTimer: ReturnType<typeof setTimeout> | null = null;
  const announceSaved = () => {
    if (options.onSaved === undefined || savedTimer !== null) return;
    savedTimer = setTimeout(() => {
      savedTimer = null;
      options.onSaved?.({
        id: chartId,
        version: sync.version,
        updatedAt: new Date(now()).toISOString(),
        document: sync.confirmed,
        access: state.access,
      });
    }, options.savedEveryMs ?? 1000);
  };

  // ---- the outbox ----
  const store = (batch: OwnBatch) => {
    unstored++;
    lastMadeAt = Math.max(now(), lastMadeAt + 0.001);
    const stored: StoredBatch = {
      chartId,
      author,
      batch: batch.batch,
      operations: batch.operations,
      label: batch.label,
      base: batch.base,
      madeAt: lastMadeAt,
    };
    outbox.add(stored).then(
      () => {
        unstored--;
        refresh();
      },
      () => {
        unstored--;
        storeFailed = true;
        refresh();
      },
    );
  };
  const unstore = (batches: readonly string[]) => {
    for (const batch of batches) sentAt.delete(batch);
    outbox.remove(batches).catch(() => {});
  };

  // ---- the connection ----
  const send = (batch: OwnBatch) => {
    if (
      link?.send({
        type: "ops",
        batch: batch.batch,
        operations: batch.operations,
        base: batch.base,
      })
    )
      sentAt.set(batch.batch, now());
  };

  const serverMessages = createServerMessageBus();
  /** The editor takes every message first; then the page's other parts hear of it. */
  function onMessage(message: ServerMessage) {
    takeMessage(message);
    if (!disposed) serverMessages.emit(message);
  }

  function takeMessage(message: ServerMessage) {
    switch (message.type) {
      case "welcome": {
        welcomed = true;
        presenceIn = [];
        presence.reset(message.peers);
        if (message.chart !== undefined)
          sync = takeChart(sync, message.chart, message.version).state;
        for (const applied of message.ops ?? []) sync = takeApplied(sync, applied).state;
        refresh({
          connection: "live",
          me: { peer: message.you.peer, name: message.you.name },
          access: message.you.access,
          lock: { ...state.lock, locked: message.locked },
        });
        announceSaved();
        flushPresence(true);
        return;
      }
      case "applied": {
        // Mine when it waits here (whichever connection sent it); the first of its applied
        // and its ack takes it out of the outbox.
        const mine = sync.pending.find((batch) => batch.batch === message.batch);
        const before = sync.version;
        sync = takeApplied(sync, message).state;
        if (sync.version === before) return;
        if (mine === undefined) refreshForPeers();
        else {
          if (mine.ackedAs === null) unstore([message.batch]);
          refresh();
        }
        announceSaved();
        return;
      }
      case "ack": {
        const mine = sync.pending.find((batch) => batch.batch === message.batch);
        sync = takeAck(sync, message.batch, message.version);
        if (mine?.ackedAs === null) unstore([message.batch]);
        refresh();
        suspendIfUnseen();
        return;
      }
      case "reject": {
        const taken = takeReject(sync, message.batch);
        sync = taken.state;
        unstore([message.batch]);
        if (taken.rejected === undefined) return;
        history = forgetBatch(history, message.batch);
        refresh({
          history: summariseHistory(history),
          ...(message.error.code === "forbidden" ? { access: "view" as const } : {}),
          notice: notice("conflict", describeReject(taken.rejected.label, message.error)),
        });
        return;
      }
      case "presence":
        presenceIn.push(message);
        presenceInTimer ??= setTimeout(takePresence, PRESENCE_FRAME_MS);
        return;
      case "leave":
        takePresence();
        presence.leave(message.peer);
        return;
      case "summon":
        takePresence(); // what came before it, first
        if (message.by.peer === state.me?.peer || message.viewport === null) return;
        presence.setFollowing(null);
        requestViewport({ viewport: message.viewport, reason: "summon", by: message.by.name });
        return;
      case "locked": {
        const mine = message.by.peer === state.me?.peer;
        setState({
          lock: { locked: message.locked, by: message.by.name },
          ...(mine ? {} : { notice: notice("info", lockNotice(message.locked, message.by.name)) }),
        });
        return;
      }
      case "error":
        // `internal`: the batch is sent again after a while; the others are our bugs.
        if (message.code !== "internal") console.warn(`rolemap live: ${message.message}`);
        return;
      default:
        return;
    }
  }

  function onStatus(status: LinkStatus, at: number | null) {
    retryAt = at;
    if (status !== "open") {
      welcomed = false;
      presenceIn = [];
      presence.clear();
    }
    // "open" becomes "live" with the welcome.
    const connection: ConnectionStatus | null =
      status === "open" ? null : status === "connecting" ? "connecting" : status;
    if (connection === null) return;
    refresh({ connection });
  }

  function onEnd(reason: EndReason) {
    endReason = reason;
    if (reason === "signed-out") notifyUnauthenticated();
    refresh({
      connection: "closed",
      ...(reason === "revoked" ? { access: "view" as const } : {}),
      notice: notice("error", END_MESSAGES[reason]),
    });
  }

  async function probe(): Promise<EndReason | null> {
    try {
      const fresh = await transport.getChart(chartId);
      if (fresh.access !== state.access) setState({ access: fresh.access });
      return null;
    } catch (error) {
      if (error instanceof ApiError && error.isUnauthenticated) return "signed-out";
      if (error instanceof ApiError && error.isNotFound) return "deleted";
      return null;
    }
  }

  let link: ReturnType<typeof createLiveLink> | null = null;
  /** Pages showing this editor; with none for a while, the connection closes (see `retain`). */
  let views = 0;
  let suspended = false;
  let suspendTimer: ReturnType<typeof setTimeout> | null = null;
  const suspendAfterMs = options.suspendAfterMs ?? 3000;
  /** Nobody looks and nothing of mine waits: leave the workshop (peers stop seeing me). */
  function suspendIfUnseen() {
    if (views > 0 || suspended || disposed || link === null || unacked(sync).length > 0) return;
    suspended = true;
    welcomed = false;
    link.close();
    link = null;
    presence.clear();
    setState({ connection: "connecting" });
  }
  const startLink = () => {
    if (disposed) return;
    link = createLiveLink({
      open: () => transport.openLive(chartId),
      onOpen(sendMessage) {
        sendMessage({ type: "hello", since: sync.version, client: tab });
        for (const batch of unacked(sync)) {
          sendMessage({
            type: "ops",
            batch: batch.batch,
            operations: batch.operations,
            base: batch.base,
          });
          sentAt.set(batch.batch, now());
        }
      },
      onMessage,
      onStatus,
      onEnd,
      probe,
      ...options.link,
    });
  };

  // Edits kept from an earlier visit (closed or reloaded while offline) go first.
  outbox
    .load(chartId, author)
    .catch(() => [] as StoredBatch[])
    .then((stored) => {
      const known = new Set(sync.pending.map((batch) => batch.batch));
      for (const batch of stored)
        if (!known.has(batch.batch)) sync = addPending(sync, { ...batch, ackedAs: null });
      // Kept edits are added beneath this visit's, which were made on top of them.
      if (stored.length > 0) {
        const fresh = sync.pending.filter((batch) => !stored.some((s) => s.batch === batch.batch));
        const kept = sync.pending.filter((batch) => stored.some((s) => s.batch === batch.batch));
        sync = { ...sync, pending: [...kept, ...fresh] };
        refresh();
      }
      startLink();
      // Created for a page that has gone again already: do not stay in the workshop.
      if (views === 0) suspendTimer ??= setTimeout(suspendIfUnseen, suspendAfterMs);
    });

  // A batch the server never answered (an `internal` error, a lost frame) is sent again.
  const resendAfterMs = options.resendAfterMs ?? 10_000;
  const resendTimer = setInterval(
    () => {
      if (!welcomed) return;
      for (const batch of unacked(sync))
        if (now() - (sentAt.get(batch.batch) ?? 0) > resendAfterMs) send(batch);
    },
    Math.max(1000, resendAfterMs / 2),
  );

  // ---- presence out ----
  const presenceEveryMs = options.presenceEveryMs ?? 100;
  let outgoing: PresenceFields = {};
  let myViewport: PresenceFields["viewport"];
  let presenceTimer: ReturnType<typeof setTimeout> | null = null;
  let lastPresenceAt = 0;

  /** Sends what changed since the last presence message; `everything` after a (re)connect. */
  function flushPresence(everything = false) {
    if (presenceTimer !== null) clearTimeout(presenceTimer);
    presenceTimer = null;
    if (everything)
      outgoing = {
        ...outgoing,
        selection: selectionOf(state.selection),
        ...(myViewport === undefined ? {} : { viewport: myViewport }),
      };
    if (Object.keys(outgoing).length === 0 || !welcomed) return;
    if (link?.send({ type: "presence", ...outgoing })) {
      outgoing = {};
      lastPresenceAt = now();
    }
  }
  function queuePresence(fields: PresenceFields) {
    outgoing = { ...outgoing, ...fields };
    if (presenceTimer !== null) return;
    const wait = Math.max(0, lastPresenceAt + presenceEveryMs - now());
    presenceTimer = setTimeout(() => flushPresence(), wait);
  }

  // ---- presence in: twenty peers at 10 Hz are 200 messages a second; the store (and the
  // components reading it) take them once a frame.
  let presenceIn: PeerPresence[] = [];
  let presenceInTimer: ReturnType<typeof setTimeout> | null = null;
  function takePresence() {
    if (presenceInTimer !== null) clearTimeout(presenceInTimer);
    presenceInTimer = null;
    const messages = presenceIn;
    presenceIn = [];
    if (messages.length === 0 || disposed) return;
    presence.update(messages);
    const { following } = presence.getState();
    const moved = messages.findLast((m) => m.peer === following && m.viewport !== undefined);
    if (moved?.viewport !== undefined)
      requestViewport({ viewport: moved.viewport, reason: "follow", by: moved.name });
  }

  function requestViewport(request: ViewportRequest) {
    for (const listener of viewportListeners) listener(request);
  }

  // ---- edits ----

  /** Splits, records and sends one gesture's operations; returns the batches made. */
  function submit(operations: readonly Operation[], label: string): string[] {
    const ids: string[] = [];
    for (let start = 0; start < operations.length; start += MAX_OPERATIONS_PER_BATCH) {
      const batch: OwnBatch = {
        batch: newId(),
        operations: operations.slice(start, start + MAX_OPERATIONS_PER_BATCH),
        label,
        base: sync.version,
        ackedAs: null,
      };
      sync = addPending(sync, batch);
      ids.push(batch.batch);
      store(batch);
      send(batch);
    }
    return ids;
  }

  /**
   * The batch applied to `document`, or every problem: field values by the contract's
   * operation schema, references by the engine, and the chart name by the document schema,
   * so the server is never sent an edit it refuses (once the checks have loaded).
   */
  function prepare(
    operations: readonly Operation[],
    document: ChartDocument,
  ): { ok: true; document: ChartDocument } | { ok: false; issues: InputIssue[] } {
    const checks = loadedOperationChecks();
    const issues = checks?.operationFieldIssues(operations) ?? [];
    if (issues.length > 0) return { ok: false, issues };
    const result = applyOperations(document, operations);
    if (!result.ok) return result;
    // What the server's live merge refuses, refused here at once (with the same words).
    const conflicts = structuralConflicts(result.document, operations);
    if (conflicts.length > 0) return { ok: false, issues: conflicts };
    if (result.document.name !== document.name) {
      const nameIssues = checks?.chartNameIssues(result.document.name) ?? [];
      if (nameIssues.length > 0) return { ok: false, issues: nameIssues };
    }
    return result;
  }

  function refusal(): InputIssue[] | null {
    if (!hasAccess(state.access, "edit")) return [{ path: "", message: READ_ONLY_MESSAGE }];
    if (state.lock.locked && state.access !== "owner")
      return [{ path: "", message: LOCKED_MESSAGE }];
    return null;
  }

  function takeStep(step: HistoryStep | null, verb: "undo" | "redo") {
    if (step === null) return;
    history = step.history;
    if (!step.ok) {
      setState({
        history: summariseHistory(history),
        notice: notice(
          "info",
          `Cannot ${verb} “${step.label}”: the chart has changed since. It was removed from the history.`,
        ),
      });
      return;
    }
    submit(step.operations, `${verb === "undo" ? "Undo" : "Redo"} ${step.label}`);
    refresh({ history: summariseHistory(history) });
  }

  return {
    chartId,
    presence,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply(operations, label) {
      const refused = refusal();
      if (refused !== null) return { ok: false, issues: refused };
      if (operations.length === 0) return { ok: true, changed: false };
      const result = prepare(operations, state.document);
      if (!result.ok) return result;
      if (sameJson(result.document, state.document)) return { ok: true, changed: false };
      const inverse = invertOperations(state.document, operations);
      const batches = submit(operations, label);
      history = recordEdit(
        history,
        { label, operations: [...operations], inverse, batches },
        historyLimit,
      );
      refresh({ history: summariseHistory(history) });
      return { ok: true, changed: true };
    },
    undo: () => {
      if (refusal() === null) takeStep(undoStep(history, state.document), "undo");
    },
    redo: () => {
      if (refusal() === null) takeStep(redoStep(history, state.document), "redo");
    },
    setSelection(selection) {
      const next: Selection = {
        roles: selection.roles ?? state.selection.roles,
        responsibilities: selection.responsibilities ?? state.selection.responsibilities,
        origin: selection.origin === undefined ? state.selection.origin : selection.origin,
      };
      if (sameJson(next, state.selection)) return;
      setState({ selection: next });
      queuePresence({ selection: selectionOf(next) });
    },
    clearSelection() {
      if (state.selection.roles.length === 0 && state.selection.responsibilities.length === 0)
        return;
      setState({ selection: EMPTY_SELECTION });
      queuePresence({ selection: [] });
    },
    retryNow: () => link?.retryNow(),
    dismissNotice() {
      if (state.notice !== null) setState({ notice: null });
    },
    notify(message) {
      setState({ notice: notice("info", message) });
    },
    replaceFromServer(next, message) {
      if (next.id !== chartId) return;
      sync = takeChart(sync, next.document, next.version).state;
      // Its steps were recorded against the chart before the change: undoing them now
      // would undo around a change the history does not know.
      history = EMPTY_HISTORY;
      refresh({
        history: summariseHistory(history),
        notice: notice("info", message),
      });
    },
    receive(next) {
      if (next.id !== chartId) return;
      if (next.access !== state.access) setState({ access: next.access });
      if (state.connection === "live" || unacked(sync).length > 0) return;
      const taken = takeChart(sync, next.document, next.version);
      if (!taken.changed) return;
      sync = taken.state;
      refresh();
    },
    setPresence(fields: MyPresence) {
      if (fields.viewport !== undefined) myViewport = fields.viewport;
      queuePresence(fields);
    },
    follow(peer) {
      presence.setFollowing(peer);
      const viewport = presence.getState().peers.find((p) => p.peer === peer)?.viewport;
      if (peer !== null && viewport != null) {
        const name = presence.getState().peers.find((p) => p.peer === peer)?.name ?? "";
        requestViewport({ viewport, reason: "follow", by: name });
      }
    },
    summon() {
      if (!hasAccess(state.access, "edit")) return;
      // The server moves everyone to the viewport it last heard from me: send it first.
      if (myViewport !== undefined) outgoing = { ...outgoing, viewport: myViewport };
      flushPresence();
      link?.send({ type: "summon" });
    },
    setLocked(locked) {
      if (state.access === "owner") link?.send({ type: "lock", locked });
    },
    retain() {
      views++;
      if (suspendTimer !== null) clearTimeout(suspendTimer);
      suspendTimer = null;
      if (suspended) {
        suspended = false;
        startLink();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        views--;
        if (views === 0) suspendTimer = setTimeout(suspendIfUnseen, suspendAfterMs);
      };
    },
    onViewportRequest(listener) {
      viewportListeners.add(listener);
      return () => viewportListeners.delete(listener);
    },
    onServerMessage: (type, listener) => serverMessages.on(type, listener),
    dispose() {
      disposed = true;
      link?.close();
      clearInterval(resendTimer);
      if (presenceTimer !== null) clearTimeout(presenceTimer);
      if (savedTimer !== null) clearTimeout(savedTimer);
      if (peerTimer !== null) clearTimeout(peerTimer);
      if (suspendTimer !== null) clearTimeout(suspendTimer);
      if (presenceInTimer !== null) clearTimeout(presenceInTimer);
      listeners.clear();
      viewportListeners.clear();
      serverMessages.clear();
    },
  };
}

/** My selection as live.md's presence `selection`: role ids, and matrix cells as pairs. */
function selectionOf(selection: Selection): NonNullable<PresenceFields["selection"]> {
  const { roles, responsibilities } = selection;
  if (selection.origin === "matrix" && responsibilities.length > 0 && roles.length > 0)
    return responsibilities
      .flatMap((responsibility) => roles.map((role) => ({ role, responsibility })))
      .slice(0, 1000);
  return roles.slice(0, 1000);
}

/** Drops selected ids that the document no longer has (kept as is when nothing is lost). */
function pruneSelection(selection: Selection, document: ChartDocument): Selection {
  if (selection.roles.length === 0 && selection.responsibilities.length === 0) return selection;
  const roleIds = new Set(document.roles.map((role) => role.id));
  const responsibilityIds = new Set(document.responsibilities.map((r) => r.id));
  const roles = selection.roles.filter((id) => roleIds.has(id));
  const responsibilities = selection.responsibilities.filter((id) => responsibilityIds.has(id));
  if (
    roles.length === selection.roles.length &&
    responsibilities.length === selection.responsibilities.length
  )
    return selection;
  return { ...selection, roles, responsibilities };
}
