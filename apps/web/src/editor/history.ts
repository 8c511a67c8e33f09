import type { ChartDocument, InputIssue, Operation } from "@rolemap/contract";
import { applyOperations, invertOperations } from "@rolemap/domain";
import type { HistoryState } from "./types";

/** One undoable edit: the batch as applied and the batch that reverts it. */
export interface HistoryEntry {
  label: string;
  operations: readonly Operation[];
  inverse: readonly Operation[];
  /** The batches it was sent as (a rejected batch takes its entry out of the history). */
  batches?: readonly string[];
}

/** Undo and redo stacks, most recent last. Immutable: every function returns a new value. */
export interface History {
  undo: readonly HistoryEntry[];
  redo: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: History = { undo: [], redo: [] };

export const DEFAULT_HISTORY_LIMIT = 200;

/** Records a new edit: it becomes the next undo, and the redo stack is cleared. */
export function recordEdit(
  history: History,
  entry: HistoryEntry,
  limit = DEFAULT_HISTORY_LIMIT,
): History {
  const undo = [...history.undo, entry];
  return { undo: undo.length > limit ? undo.slice(undo.length - limit) : undo, redo: [] };
}

export type HistoryStep =
  | {
      ok: true;
      history: History;
      document: ChartDocument;
      /** What to send to the server. */
      operations: readonly Operation[];
      label: string;
    }
  /** The chart changed (another user, a reload) so that the step no longer applies: it is dropped. */
  | { ok: false; history: History; label: string; issues: InputIssue[] };

/** Reverts the most recent edit on `document`; null when there is nothing to undo. */
export function undoStep(history: History, document: ChartDocument): HistoryStep | null {
  const entry = history.undo.at(-1);
  if (entry === undefined) return null;
  const undo = history.undo.slice(0, -1);
  const result = applyOperations(document, entry.inverse);
  if (!result.ok)
    return { ok: false, history: { ...history, undo }, label: entry.label, issues: result.issues };
  return {
    ok: true,
    history: { undo, redo: [...history.redo, entry] },
    document: result.document,
    operations: entry.inverse,
    label: entry.label,
  };
}

/** Applies the most recently undone edit again; null when there is nothing to redo. */
export function redoStep(history: History, document: ChartDocument): HistoryStep | null {
  const entry = history.redo.at(-1);
  if (entry === undefined) return null;
  const redo = history.redo.slice(0, -1);
  const result = applyOperations(document, entry.operations);
  if (!result.ok)
    return { ok: false, history: { ...history, redo }, label: entry.label, issues: result.issues };
  // The chart may differ a little from when the edit was first made: invert afresh.
  const inverse = invertOperations(document, entry.operations);
  return {
    ok: true,
    history: { undo: [...history.undo, { ...entry, inverse }], redo },
    document: result.document,
    operations: entry.operations,
    label: entry.label,
  };
}

/** Drops the entry that was sent as `batch` (the server rejected it, so it never happened). */
export function forgetBatch(history: History, batch: string): History {
  const keep = (entry: HistoryEntry) => !entry.batches?.includes(batch);
  const undo = history.undo.filter(keep);
  const redo = history.redo.filter(keep);
  return undo.length === history.undo.length && redo.length === history.redo.length
    ? history
    : { undo, redo };
}

export function summariseHistory(history: History): HistoryState {
  return {
    canUndo: history.undo.length > 0,
    canRedo: history.redo.length > 0,
    undoLabel: history.undo.at(-1)?.label ?? null,
    redoLabel: history.redo.at(-1)?.label ?? null,
  };
}
