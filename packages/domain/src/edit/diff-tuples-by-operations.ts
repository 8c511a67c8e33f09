import type { Assignment, Operation, ReportingLine } from "@rolemap/contract";
import { assignmentKeyOf, diffTuples, lineKeyOf, type TupleDiff } from "./diff-charts";

/** Past this many operations on a list, one full diff costs less than their lookups. */
const MAX_OPERATIONS = 64;

type Match<T> = (row: T) => boolean;

/**
 * Replays what a batch does to one insertion-ordered list (lines or assignments) on the
 * rows it names alone. `applyOperations` only ever deletes rows in place and appends new
 * ones, so the result is the kept stored rows in their order followed by the survivors of
 * the appended ones; nothing here copies or indexes the whole list.
 */
function createJournal<T>(before: readonly T[]) {
  const deleted = new Set<number>();
  // undefined once a later operation of the batch deleted the appended row again.
  const appended: (T | undefined)[] = [];

  /** The rows the list holds now that match (a scan: only for removeRole and moveRole). */
  const find = (match: Match<T>) => {
    const stored: number[] = [];
    const fresh: number[] = [];
    before.forEach((row, i) => {
      if (!deleted.has(i) && match(row)) stored.push(i);
    });
    appended.forEach((row, i) => {
      if (row !== undefined && match(row)) fresh.push(i);
    });
    const rows = [...stored.map((i) => before[i]), ...fresh.map((i) => appended[i])] as T[];
    return { stored, fresh, rows };
  };
  const drop = ({ stored, fresh }: ReturnType<typeof find>) => {
    for (const i of stored) deleted.add(i);
    for (const i of fresh) appended[i] = undefined;
  };
  return {
    find,
    drop,
    append: (row: T) => void appended.push(row),
    /** One row, unique in the list: stops at the first match. */
    remove(match: Match<T>) {
      const fresh = appended.findIndex((row) => row !== undefined && match(row));
      if (fresh !== -1) appended[fresh] = undefined;
      else {
        const stored = before.findIndex((row, i) => !deleted.has(i) && match(row));
        if (stored !== -1) deleted.add(stored);
      }
    },
    finish: () => ({
      removed: [...deleted].sort((a, b) => a - b).map((i) => before[i] as T),
      added: appended.filter((row): row is T => row !== undefined),
    }),
  };
}

type Journal<T> = ReturnType<typeof createJournal<T>>;

const sameLine = (a: ReportingLine) => (b: ReportingLine) =>
  a.manager === b.manager && a.report === b.report && a.kind === b.kind;
const sameAssignment = (a: Assignment) => (b: Assignment) =>
  a.role === b.role && a.responsibility === b.responsibility && a.code === b.code;

/** The add, remove and update of one row that line and assignment operations share. */
type RowEdit<T> = { add: T } | { remove: T } | { update: T; to: T };

interface TupleKind<T> {
  same: (a: T) => Match<T>;
  keyOf: (row: T) => string;
  editOf: (operation: Operation) => RowEdit<T> | undefined;
  /** Replays the other operations that change the list; false for one that leaves it alone. */
  replayOther: (journal: Journal<T>, operation: Operation) => boolean;
  /** Whether `replay` does anything for the operation (without building its edit). */
  touches: (operation: Operation) => boolean;
}

function replay<T>(kind: TupleKind<T>, journal: Journal<T>, operation: Operation): boolean {
  const edit = kind.editOf(operation);
  if (edit === undefined) return kind.replayOther(journal, operation);
  if ("add" in edit) journal.append(edit.add);
  else if ("remove" in edit) journal.remove(kind.same(edit.remove));
  // An update to the same kind or code is no change for applyOperations.
  else if (!kind.same(edit.update)(edit.to)) {
    journal.remove(kind.same(edit.update));
    journal.append(edit.to);
  }
  return true;
}

const LINES: TupleKind<ReportingLine> = {
  same: sameLine,
  keyOf: lineKeyOf,
  editOf: (operation) =>
    operation.op === "addLine"
      ? { add: operation.line }
      : operation.op === "removeLine"
        ? { remove: operation.line }
        : operation.op === "updateLine"
          ? { update: operation.line, to: { ...operation.line, kind: operation.kind } }
          : undefined,
  touches: (operation) =>
    operation.op === "addLine" ||
    operation.op === "removeLine" ||
    operation.op === "updateLine" ||
    operation.op === "removeRole" ||
    (operation.op === "moveRole" && operation.manager !== undefined),
  replayOther(journal, operation) {
    if (operation.op === "removeRole") {
      const { id } = operation;
      journal.drop(journal.find((l) => l.manager === id || l.report === id));
      return true;
    }
    if (operation.op !== "moveRole" || operation.manager === undefined) return false;
    const { id, manager } = operation;
    const current = journal.find((l) => l.report === id && l.kind === "solid");
    // Already under exactly this manager: applyOperations changes nothing.
    if (current.rows.length === 1 && current.rows[0]?.manager === manager) return true;
    journal.drop(current);
    if (manager !== null) journal.append({ manager, report: id, kind: "solid" });
    return true;
  },
};

const ASSIGNMENTS: TupleKind<Assignment> = {
  same: sameAssignment,
  keyOf: assignmentKeyOf,
  editOf: (operation) =>
    operation.op === "addAssignment"
      ? { add: operation.assignment }
      : operation.op === "removeAssignment"
        ? { remove: operation.assignment }
        : operation.op === "updateAssignment"
          ? { update: operation.assignment, to: { ...operation.assignment, code: operation.code } }
          : undefined,
  touches: (operation) =>
    operation.op === "addAssignment" ||
    operation.op === "removeAssignment" ||
    operation.op === "updateAssignment" ||
    operation.op === "removeRole" ||
    operation.op === "removeResponsibility",
  replayOther(journal, operation) {
    if (operation.op === "removeRole") {
      const { id } = operation;
      journal.drop(journal.find((a) => a.role === id));
    } else if (operation.op === "removeResponsibility") {
      const { id } = operation;
      journal.drop(journal.find((a) => a.responsibility === id));
    } else return false;
    return true;
  },
};

/**
 * A big batch's diff of one list, by identity: applyOperations keeps each row it leaves
 * alone (the same object) and appends what it adds, so the rows of `before` missing from
 * `after` are the removed ones and the rows `before` lacks the added ones (a row removed and
 * added again, equal but a new object, is in both: deleted, then appended). No key strings
 * (by keys this took 5–50 ms of a 5,000-operation batch). Undefined when `after` is not
 * shaped so (a kept row out of order or after a new one, or none kept of two non-empty
 * lists): the caller diffs by keys.
 */
function diffByIdentity<T>(before: readonly T[], after: readonly T[]): TupleDiff<T> | undefined {
  const positions = new Map<T, number>();
  for (let at = 0; at < before.length; at++) positions.set(before[at] as T, at);
  const kept = new Uint8Array(before.length);
  const added: T[] = [];
  let last = -1;
  for (const row of after) {
    const at = positions.get(row);
    if (at === undefined) added.push(row);
    else if (added.length > 0 || at <= last) return undefined;
    else {
      kept[at] = 1;
      last = at;
    }
  }
  if (last === -1 && before.length > 0 && after.length > 0) return undefined;
  const removed = before.filter((_, at) => kept[at] === 0);
  return { added, removed, reordered: false };
}

function diffByJournal<T>(
  before: readonly T[],
  after: readonly T[],
  operations: readonly Operation[],
  kind: TupleKind<T>,
): TupleDiff<T> {
  let touching = 0;
  for (const operation of operations) if (kind.touches(operation)) touching += 1;
  if (touching === 0) return { added: [], removed: [], reordered: false };
  // Counted first: a big batch goes straight to the full diff, without replaying 64 first.
  if (touching > MAX_OPERATIONS)
    return diffByIdentity(before, after) ?? diffTuples(before, after, kind.keyOf);
  const journal = createJournal(before);
  for (const operation of operations) replay(kind, journal, operation);
  const { removed, added } = journal.finish();
  // A cheap check that `after` is what these operations made of `before`: its length and
  // its tail. Anything else gets the full diff, which is right for any pair of lists.
  const tail = after.length - added.length;
  const fits =
    tail === before.length - removed.length &&
    added.every((row, i) => kind.same(row)(after[tail + i] as T));
  if (!fits) return diffTuples(before, after, kind.keyOf);
  // A stored row deleted and appended again is in both lists: delete, then insert at the end.
  return { added: after.slice(tail), removed, reordered: false };
}

export const diffLinesByOperations = (
  before: readonly ReportingLine[],
  after: readonly ReportingLine[],
  operations: readonly Operation[],
) => diffByJournal(before, after, operations, LINES);

export const diffAssignmentsByOperations = (
  before: readonly Assignment[],
  after: readonly Assignment[],
  operations: readonly Operation[],
) => diffByJournal(before, after, operations, ASSIGNMENTS);
