import type { AppliedMessage, ChartDocument, Operation } from "@rolemap/contract";
import { applyOperations } from "@rolemap/domain";

/**
 * The chart as one tab knows it, apart from how it reaches the server (live.md's client
 * side): the server's chart at `version`, built only from whole charts and `applied`
 * messages in version order, and my batches not yet seen applied, on top. Pure: every
 * function returns a new value, so one state serves one person or twenty and is tested
 * without a socket.
 */

/** One of my edits on its way to the server. */
export interface OwnBatch {
  /** The uuid the server stores it under (exactly once). */
  batch: string;
  operations: readonly Operation[];
  /** For people: "Rename CTO". */
  label: string;
  /** The version I had when I made it (informative for the server). */
  base: number;
  /** The version the server acknowledged it as, once acked. */
  ackedAs: number | null;
}

export interface SyncState {
  /** The server's chart at `version`. */
  confirmed: ChartDocument;
  version: number;
  /** My batches not yet in `confirmed`, oldest first. */
  pending: readonly OwnBatch[];
  /** `applied` messages that arrived ahead of their turn, by version. */
  early: ReadonlyMap<number, AppliedMessage>;
}

export const syncState = (confirmed: ChartDocument, version: number): SyncState => ({
  confirmed,
  version,
  pending: [],
  early: new Map(),
});

/**
 * What I see: the confirmed chart and, on top, every pending batch that still applies (one
 * whose target a peer removed is skipped here and rejected by the server).
 */
export function viewOf(state: SyncState): ChartDocument {
  let document = state.confirmed;
  for (const { operations } of state.pending) {
    const result = applyOperations(document, operations);
    if (result.ok) document = result.document;
  }
  return document;
}

/** Adds my edit (already checked against the view). */
export const addPending = (state: SyncState, batch: OwnBatch): SyncState => ({
  ...state,
  pending: [...state.pending, batch],
});

/** Pending batches the server has not acknowledged: what a (re)connection sends again. */
export const unacked = (state: SyncState): OwnBatch[] =>
  state.pending.filter((batch) => batch.ackedAs === null);

/** Drops pending batches already contained in `confirmed` (acked at or below its version). */
function forgetConfirmed(state: SyncState): SyncState {
  const pending = state.pending.filter(
    (batch) => batch.ackedAs === null || batch.ackedAs > state.version,
  );
  return pending.length === state.pending.length ? state : { ...state, pending };
}

export interface TakeResult {
  state: SyncState;
  /** Applied messages that did not apply to the confirmed chart (a server bug; reported). */
  problems: string[];
  /** Whether `confirmed` changed. */
  changed: boolean;
}

/** Applies the buffered `applied` messages that come next, strictly in version order. */
function drain(state: SyncState, problems: string[]): SyncState {
  let next = state.early.get(state.version + 1);
  if (next === undefined) return state;
  let { confirmed, version } = state;
  const early = new Map(state.early);
  const mine = new Set<string>();
  while (next !== undefined) {
    early.delete(next.version);
    const result = applyOperations(confirmed, next.operations);
    if (result.ok) confirmed = result.document;
    else problems.push(`v${next.version} does not apply: ${result.issues[0]?.message ?? ""}`);
    version = next.version;
    mine.add(next.batch);
    next = early.get(version + 1);
  }
  for (const at of early.keys()) if (at <= version) early.delete(at);
  const pending = state.pending.filter((batch) => !mine.has(batch.batch));
  return forgetConfirmed({ confirmed, version, pending, early });
}

/** One `applied` (mine or a peer's), in any order, duplicates included. */
export function takeApplied(state: SyncState, applied: AppliedMessage): TakeResult {
  if (applied.version <= state.version || state.early.has(applied.version))
    return { state, problems: [], changed: false };
  const early = new Map(state.early);
  early.set(applied.version, applied);
  const problems: string[] = [];
  const next = drain({ ...state, early }, problems);
  return { state: next, problems, changed: next.version !== state.version };
}

/** The server stored my batch as `version`. */
export function takeAck(state: SyncState, batch: string, version: number): SyncState {
  const at = state.pending.findIndex((p) => p.batch === batch);
  const own = state.pending[at];
  if (own === undefined || own.ackedAs === version) return state;
  const pending = [...state.pending];
  pending[at] = { ...own, ackedAs: version };
  return forgetConfirmed({ ...state, pending });
}

/** The server refused my batch: it leaves the pending list (and so the view). */
export function takeReject(
  state: SyncState,
  batch: string,
): { state: SyncState; rejected: OwnBatch | undefined } {
  const rejected = state.pending.find((p) => p.batch === batch);
  if (rejected === undefined) return { state, rejected };
  return { state: { ...state, pending: state.pending.filter((p) => p !== rejected) }, rejected };
}

/**
 * A whole chart at `version` (a welcome after a long absence, an import I made): it
 * replaces the confirmed chart when newer; `applied` messages up to it are then old news.
 */
export function takeChart(state: SyncState, chart: ChartDocument, version: number): TakeResult {
  if (version <= state.version) return { state, problems: [], changed: false };
  const early = new Map([...state.early].filter(([at]) => at > version));
  const problems: string[] = [];
  const next = drain(forgetConfirmed({ ...state, confirmed: chart, version, early }), problems);
  return { state: next, problems, changed: true };
}
