import type { ChartDocument } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import { createPresenceStore } from "../editor/presence-store";
import { createServerMessageBus } from "../editor/server-messages";
import { shareStructure } from "../editor/share-structure";
import type { ChartEditor, EditorState, Selection } from "../editor/types";

/** Why every edit is refused while a past version is shown. */
export const PREVIEW_MESSAGE =
  "You are looking at a past version: it cannot be changed. Go back to now to edit.";

const EMPTY_SELECTION: Selection = { roles: [], responsibilities: [], origin: null };

/** A read-only editor that also says which past version it shows. */
export interface PreviewEditor extends ChartEditor {
  /** Shows another past version (the canvas and matrix update in place). */
  show(document: ChartDocument, version: number, at: string): void;
}

/**
 * An editor of a past version: the canvas, matrix and findings read it exactly as they read
 * the live one, but it is view-level, so they offer no edits, and `apply` refuses whatever
 * reaches it. Selection works (to look around); it has no connection, peers or history.
 */
export function createPreviewEditor(
  chartId: string,
  document: ChartDocument,
  version: number,
  at: string,
): PreviewEditor {
  const listeners = new Set<() => void>();
  const messages = createServerMessageBus();
  let state: EditorState = {
    chartId,
    document,
    version,
    updatedAt: at,
    findings: validateChart(document),
    selection: EMPTY_SELECTION,
    save: { status: "saved", pending: 0, stored: true, retryAt: null, error: null },
    connection: "live",
    lock: { locked: false, by: null },
    me: null,
    history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
    notice: null,
    access: "view",
  };
  const setState = (changes: Partial<EditorState>) => {
    state = { ...state, ...changes };
    for (const listener of [...listeners]) listener();
  };
  const nothing = () => {};
  return {
    chartId,
    presence: createPresenceStore(),
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show(next, nextVersion, nextAt) {
      // Unchanged roles keep their objects: the canvas redraws only what differs.
      const shared = shareStructure(state.document, next);
      const ids = new Set(shared.roles.map((role) => role.id));
      const rows = new Set(shared.responsibilities.map((row) => row.id));
      setState({
        document: shared,
        version: nextVersion,
        updatedAt: nextAt,
        findings: validateChart(shared),
        selection: {
          ...state.selection,
          roles: state.selection.roles.filter((id) => ids.has(id)),
          responsibilities: state.selection.responsibilities.filter((id) => rows.has(id)),
        },
      });
    },
    apply: () => ({ ok: false, issues: [{ path: "", message: PREVIEW_MESSAGE }] }),
    undo: nothing,
    redo: nothing,
    setSelection(selection) {
      setState({
        selection: {
          roles: selection.roles ?? state.selection.roles,
          responsibilities: selection.responsibilities ?? state.selection.responsibilities,
          origin: selection.origin === undefined ? state.selection.origin : selection.origin,
        },
      });
    },
    clearSelection: () => setState({ selection: EMPTY_SELECTION }),
    retryNow: nothing,
    dismissNotice: () => setState({ notice: null }),
    notify: (message) => setState({ notice: { id: Date.now(), kind: "info", message } }),
    replaceFromServer: nothing,
    receive: nothing,
    setPresence: nothing,
    follow: nothing,
    summon: nothing,
    setLocked: nothing,
    retain: () => nothing,
    onViewportRequest: () => nothing,
    onServerMessage: (type, listener) => messages.on(type, listener),
    dispose() {
      listeners.clear();
      messages.clear();
    },
  };
}
