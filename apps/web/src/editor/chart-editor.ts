import type { ChartDocument, ChartRecord, InputIssue, Operation } from "@rolemap/contract";
import { applyOperations, invertOperations, sameJson, validateChart } from "@rolemap/domain";
import { ApiError, describeError, NetworkError } from "../api/client";
import { hasAccess } from "../auth/access";
import { reportIfUnauthenticated } from "../auth/session-events";
import {
  DEFAULT_HISTORY_LIMIT,
  EMPTY_HISTORY,
  type History,
  type HistoryStep,
  recordEdit,
  redoStep,
  summariseHistory,
  undoStep,
} from "./history";
import { loadedOperationChecks } from "./lazy-operation-checks";
import { createSaveQueue, type FailureDecision } from "./save-queue";
import { shareStructure } from "./share-structure";
import type {
  ChartEditor,
  EditorState,
  EditorTransport,
  Notice,
  SaveState,
  Selection,
} from "./types";

/** Why `apply` refuses every batch on a chart this person may only view (or comment on). */
export const READ_ONLY_MESSAGE = "You can view this chart but not change it.";

/** The API takes at most this many operations per request; longer batches go in chunks. */
export const MAX_OPERATIONS_PER_REQUEST = 5000;

export interface ChartEditorOptions {
  /** The chart as loaded from the server. */
  record: ChartRecord;
  transport: EditorTransport;
  /** After every accepted batch, with the chart as the server now has it (cache updates). */
  onSaved?(record: ChartRecord): void;
  /** Whether the browser believes it is online (navigator.onLine). */
  isOnline?(): boolean;
  /** Registers a callback for "the network is back"; returns the unsubscribe function. */
  onOnline?(callback: () => void): () => void;
  historyLimit?: number;
  backoff?(attempt: number): number;
  now?(): number;
}

interface PendingBatch {
  label: string;
  operations: readonly Operation[];
}

const EMPTY_SELECTION: Selection = { roles: [], responsibilities: [], origin: null };

const browserOnline = () => (typeof navigator === "undefined" ? true : navigator.onLine);
const browserOnOnline = (callback: () => void) => {
  if (typeof window === "undefined") return () => {};
  window.addEventListener("online", callback);
  return () => window.removeEventListener("online", callback);
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
const quoted = (labels: readonly string[]) => labels.map((label) => `“${label}”`).join(", ");

/**
 * The editor of one chart: the document with optimistic edits, findings, selection,
 * undo/redo and the save queue. Plain TypeScript (no React): `use-editor.ts` adapts it.
 *
 * Every edit is `apply(operations, label)`: checked and applied locally at once, recorded
 * with its inverse for undo, and queued. The queue posts batches one at a time with the
 * server version they are based on. A 409 reloads the chart and re-applies the edits still
 * waiting (dropping those that no longer apply, with a notice); a refused batch is undone
 * with a notice; a failure or a lost network is retried with backoff and never dropped.
 */
export function createChartEditor(options: ChartEditorOptions): ChartEditor {
  const { record, transport } = options;
  const chartId = record.id;
  const isOnline = options.isOnline ?? browserOnline;
  const historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const listeners = new Set<() => void>();

  /** The chart as the server has it at `version` (what the next batch is based on). */
  let confirmed: ChartRecord = record;
  let history: History = EMPTY_HISTORY;
  let noticeId = 0;

  let state: EditorState = {
    chartId,
    document: record.document,
    version: record.version,
    updatedAt: record.updatedAt,
    findings: validateChart(record.document),
    findingsSource: "local",
    selection: EMPTY_SELECTION,
    save: { status: "saved", pending: 0, retryAt: null, error: null },
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

  /** The state for a new current document: local findings, selection without lost ids. */
  const documentChanges = (next: ChartDocument): Partial<EditorState> => {
    const document = shareStructure(state.document, next);
    if (document === state.document) return {};
    return {
      document,
      findings: validateChart(document),
      findingsSource: "local",
      selection: pruneSelection(state.selection, document),
    };
  };

  const queue = createSaveQueue<PendingBatch>({
    send: sendBatch,
    onFailure: handleFailure,
    onChange: () => {
      const save = saveState();
      if (!sameJson(save, state.save)) setState({ save });
    },
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.now ? { now: options.now } : {}),
  });

  function saveState(): SaveState {
    const { phase, retryAt, lastError } = queue.state();
    const pending = queue.items().length;
    const error = lastError === null ? null : describeError(lastError);
    if (phase === "waiting" || phase === "halted") {
      const offline = lastError instanceof NetworkError && !isOnline();
      return { status: offline ? "offline" : "failed", pending, retryAt, error };
    }
    return { status: pending === 0 ? "saved" : "saving", pending, retryAt: null, error: null };
  }

  function enqueue(label: string, operations: readonly Operation[]) {
    for (let start = 0; start < operations.length; start += MAX_OPERATIONS_PER_REQUEST)
      queue.enqueue({
        label,
        operations: operations.slice(start, start + MAX_OPERATIONS_PER_REQUEST),
      });
  }

  async function sendBatch(batch: PendingBatch): Promise<void> {
    const response = await transport.postOperations(chartId, {
      operations: [...batch.operations],
      version: confirmed.version,
    });
    const applied = applyOperations(confirmed.document, batch.operations);
    confirmed = {
      ...confirmed,
      version: response.version,
      updatedAt: response.updatedAt,
      // Cannot fail (the server applied the same batch to the same version); be safe anyway.
      document: applied.ok ? applied.document : confirmed.document,
    };
    const isLast = queue.items().length === 1;
    setState({
      version: confirmed.version,
      updatedAt: confirmed.updatedAt,
      // The server's findings describe what the user sees only once nothing else is waiting.
      ...(isLast
        ? {
            findings: sameJson(state.findings, response.findings)
              ? state.findings
              : response.findings,
            findingsSource: "server" as const,
          }
        : {}),
    });
    options.onSaved?.(confirmed);
  }

  /**
   * Takes `record` as the server's chart (after a 409, or an import merged into it) and
   * re-applies the waiting batches on top; returns the state changes to make.
   */
  function reloadFrom(record: ChartRecord) {
    confirmed = record;
    const { document, kept, dropped } = rebase(record.document, queue.items());
    queue.replace(kept);
    const changes: Partial<EditorState> = {
      ...documentChanges(document),
      version: record.version,
      updatedAt: record.updatedAt,
    };
    return { kept, dropped, changes };
  }

  /** " Your 2 unsaved changes were re-applied. 1 change could not be … discarded: “…”." */
  function replayed(kept: readonly PendingBatch[], dropped: readonly PendingBatch[]): string {
    let message = "";
    if (kept.length > 0)
      message += ` Your ${plural(kept.length, "unsaved change")} ${kept.length === 1 ? "was" : "were"} re-applied.`;
    if (dropped.length > 0)
      message += ` ${plural(dropped.length, "change")} could not be re-applied and ${dropped.length === 1 ? "was" : "were"} discarded: ${quoted(dropped.map((b) => b.label))}.`;
    return message;
  }

  /** The confirmed chart plus the waiting batches that still apply, in order. */
  function rebase(base: ChartDocument, batches: readonly PendingBatch[]) {
    let document = base;
    const kept: PendingBatch[] = [];
    const dropped: PendingBatch[] = [];
    for (const batch of batches) {
      const result = applyOperations(document, batch.operations);
      if (result.ok) {
        document = result.document;
        kept.push(batch);
      } else dropped.push(batch);
    }
    return { document, kept, dropped };
  }

  async function handleFailure(error: unknown, batch: PendingBatch): Promise<FailureDecision> {
    if (error instanceof ApiError && error.isConflict) {
      // Someone else saved first: take their chart and replay ours on top of it.
      const { kept, dropped, changes } = reloadFrom(await transport.getChart(chartId));
      let message = "This chart was changed elsewhere, so it has been reloaded.";
      message += replayed(kept, dropped);
      setState({ ...changes, notice: notice("conflict", message) });
      options.onSaved?.(confirmed);
      return "continue";
    }
    if (error instanceof ApiError && error.isNotFound) {
      setState({
        notice: notice(
          "error",
          "This chart no longer exists on the server (it may have been deleted). Your changes cannot be saved.",
        ),
      });
      return "halt";
    }
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      // Signed out, or the rights were taken away: keep the edits (signing in again and
      // "Retry now" sends them), and make the page read-only if the right to edit is gone.
      reportIfUnauthenticated(error);
      setState({
        ...(error.status === 403 ? { access: "view" as const } : {}),
        notice: notice(
          "error",
          error.status === 401
            ? "You are no longer signed in, so your changes cannot be saved. Sign in again, then retry."
            : "You may no longer change this chart, so your changes cannot be saved.",
        ),
      });
      return "halt";
    }
    if (error instanceof ApiError && !error.isRetryable) {
      // The server refused this batch: retrying cannot help. Undo it, keep the others.
      const waiting = queue.items().filter((item) => item !== batch);
      const { document, kept, dropped } = rebase(confirmed.document, waiting);
      queue.replace(kept);
      history = EMPTY_HISTORY;
      const also =
        dropped.length > 0 ? ` Also discarded: ${quoted(dropped.map((b) => b.label))}.` : "";
      setState({
        ...documentChanges(document),
        history: summariseHistory(history),
        notice: notice(
          "error",
          `The server refused “${batch.label}” (${describeError(error)}), so it was undone.${also}`,
        ),
      });
      return "continue";
    }
    return "retry";
  }

  /**
   * The batch applied to `document`, or every problem: field values by the contract's
   * operation schema, references by the engine, and the chart name (a plain string in the
   * operation schema) by the document schema, so the server is never sent an edit it refuses
   * (once the checks have loaded: see lazy-operation-checks).
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
    if (result.document.name !== document.name) {
      const nameIssues = checks?.chartNameIssues(result.document.name) ?? [];
      if (nameIssues.length > 0) return { ok: false, issues: nameIssues };
    }
    return result;
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
    setState({ ...documentChanges(step.document), history: summariseHistory(history) });
    enqueue(`${verb === "undo" ? "Undo" : "Redo"} ${step.label}`, step.operations);
  }

  const stopListeningOnline = (options.onOnline ?? browserOnOnline)(() => queue.retryNow());

  return {
    chartId,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply(operations, label) {
      if (!hasAccess(state.access, "edit"))
        return { ok: false, issues: [{ path: "", message: READ_ONLY_MESSAGE }] };
      if (operations.length === 0) return { ok: true, changed: false };
      const result = prepare(operations, state.document);
      if (!result.ok) return result;
      const changes = documentChanges(result.document);
      if (changes.document === undefined) return { ok: true, changed: false };
      const inverse = invertOperations(state.document, operations);
      history = recordEdit(history, { label, operations: [...operations], inverse }, historyLimit);
      setState({ ...changes, history: summariseHistory(history) });
      enqueue(label, operations);
      return { ok: true, changed: true };
    },
    undo: () => {
      if (hasAccess(state.access, "edit")) takeStep(undoStep(history, state.document), "undo");
    },
    redo: () => {
      if (hasAccess(state.access, "edit")) takeStep(redoStep(history, state.document), "redo");
    },
    setSelection(selection) {
      const next: Selection = {
        roles: selection.roles ?? state.selection.roles,
        responsibilities: selection.responsibilities ?? state.selection.responsibilities,
        origin: selection.origin === undefined ? state.selection.origin : selection.origin,
      };
      if (!sameJson(next, state.selection)) setState({ selection: next });
    },
    clearSelection() {
      if (state.selection.roles.length > 0 || state.selection.responsibilities.length > 0)
        setState({ selection: EMPTY_SELECTION });
    },
    retryNow: () => queue.retryNow(),
    dismissNotice() {
      if (state.notice !== null) setState({ notice: null });
    },
    replaceFromServer(next, message) {
      if (next.id !== chartId || next.version < confirmed.version) return;
      const { kept, dropped, changes } = reloadFrom(next);
      // Its steps were recorded against the chart before the change: undoing them now
      // would undo around a change the history does not know.
      history = EMPTY_HISTORY;
      setState({
        ...changes,
        history: summariseHistory(history),
        notice: notice("info", `${message}${replayed(kept, dropped)}`),
      });
    },
    receive(next) {
      if (next.id !== chartId) return;
      if (next.access !== state.access) {
        confirmed = { ...confirmed, access: next.access };
        setState({ access: next.access });
      }
      if (next.version <= confirmed.version) return;
      if (queue.items().length > 0) return; // Our save will meet the change (409) and re-base.
      confirmed = next;
      setState({
        ...documentChanges(next.document),
        version: next.version,
        updatedAt: next.updatedAt,
      });
    },
    dispose() {
      stopListeningOnline();
      queue.dispose();
      listeners.clear();
    },
  };
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
