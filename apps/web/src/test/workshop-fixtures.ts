import type { ChartDocument, PeerPresence } from "@rolemap/contract";
import { getTemplate, validateChart } from "@rolemap/domain";
import { createPresenceStore, type WritablePresenceStore } from "../editor/presence-store";
import { createServerMessageBus } from "../editor/server-messages";
import type { ChartEditor, EditorState, MyPresence, ViewportRequest } from "../editor/types";
import { CHART_ID } from "./editor-fixtures";

/**
 * A stand-in for the live editor's workshop side, for component tests of the workshop UI:
 * a real presence store (fed with `presence.update/leave` as the live connection would),
 * a state the test sets, and a record of what the UI asked for (follow, summon, lock, retry,
 * presence). The document editing members are not part of it and throw.
 */
export interface WorkshopDouble extends ChartEditor {
  readonly presence: WritablePresenceStore;
  readonly calls: {
    follow: (string | null)[];
    summon: number;
    setLocked: boolean[];
    retryNow: number;
    setPresence: MyPresence[];
  };
  /** Replaces parts of the state and tells subscribers, as the editor does after a change. */
  setState(patch: Partial<EditorState>): void;
  /** A summon or the followed peer's move, as the editor announces it. */
  requestViewport(request: ViewportRequest): void;
}

const document = (): ChartDocument => {
  const template = getTemplate("classic-split");
  if (template === undefined) throw new Error("no classic-split template");
  return template.document as ChartDocument;
};

export function workshopState(patch: Partial<EditorState> = {}): EditorState {
  const doc = patch.document ?? document();
  return {
    chartId: CHART_ID,
    document: doc,
    version: 1,
    updatedAt: "2026-11-23T10:00:00.000Z",
    findings: validateChart(doc),
    selection: { roles: [], responsibilities: [], origin: null },
    save: { status: "saved", pending: 0, stored: true, retryAt: null, error: null },
    connection: "live",
    lock: { locked: false, by: null },
    me: { peer: "me-peer", name: "Ada Lovelace" },
    history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
    notice: null,
    access: "owner",
    ...patch,
  };
}

/** A peer's presence message (the server's `presence`), for `double.presence.update`. */
export function peerPresence(
  name: string,
  fields: Partial<Omit<PeerPresence, "type">> = {},
): PeerPresence {
  return {
    type: "presence",
    peer: `peer-${name.toLowerCase().replace(/\s+/g, "-")}`,
    name,
    ...fields,
  };
}

export function createWorkshopDouble(
  options: { state?: Partial<EditorState>; peers?: readonly PeerPresence[] } = {},
): WorkshopDouble {
  let state = workshopState(options.state);
  const listeners = new Set<() => void>();
  const viewportListeners = new Set<(request: ViewportRequest) => void>();
  const serverMessages = createServerMessageBus();
  const presence = createPresenceStore();
  if (options.peers) presence.reset(options.peers);
  const calls: WorkshopDouble["calls"] = {
    follow: [],
    summon: 0,
    setLocked: [],
    retryNow: 0,
    setPresence: [],
  };
  const notPart = (name: string) => () => {
    throw new Error(`${name} is not part of the workshop double`);
  };
  return {
    chartId: CHART_ID,
    presence,
    calls,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setState(patch) {
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener();
    },
    apply: notPart("apply"),
    undo: notPart("undo"),
    redo: notPart("redo"),
    setSelection: notPart("setSelection"),
    clearSelection: notPart("clearSelection"),
    dismissNotice: notPart("dismissNotice"),
    notify: notPart("notify"),
    retain: () => () => {},
    replaceFromServer: notPart("replaceFromServer"),
    receive: notPart("receive"),
    retryNow() {
      calls.retryNow += 1;
    },
    setPresence(fields) {
      calls.setPresence.push(fields);
    },
    follow(peer) {
      calls.follow.push(peer);
      presence.setFollowing(peer);
    },
    summon() {
      calls.summon += 1;
    },
    setLocked(locked) {
      calls.setLocked.push(locked);
    },
    onViewportRequest(listener) {
      viewportListeners.add(listener);
      return () => viewportListeners.delete(listener);
    },
    requestViewport(request) {
      for (const listener of [...viewportListeners]) listener(request);
    },
    onServerMessage: (type, listener) => serverMessages.on(type, listener),
    dispose() {},
  };
}
