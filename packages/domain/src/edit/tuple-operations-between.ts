import type { Assignment, Operation, ReportingLine } from "@rolemap/contract";
import { assignmentKeyOf, lineKeyOf } from "./diff-charts";

interface TupleKind<T> {
  keyOf: (row: T) => string;
  /** Rows with the same pair key differ in one field that an update operation changes. */
  pairOf: (row: T) => string;
  add: (row: T) => Operation;
  remove: (row: T) => Operation;
  update: (old: T, row: T) => Operation;
}

/**
 * Operations that turn the insertion-ordered list `current` into `target`, order included.
 * Operations only delete rows and append them, so the rows that stay are the longest start
 * of `target` found in `current` in its order; every other row is removed and every row
 * after that start appended. A row that leaves for good and an appended one with the same
 * ends (line) or the same role and responsibility (assignment) become one update, which
 * also appends.
 */
function tupleOperations<T>(
  current: readonly T[],
  target: readonly T[],
  kind: TupleKind<T>,
): Operation[] {
  const position = new Map(current.map((row, i) => [kind.keyOf(row), i]));
  let kept = 0;
  for (let last = -1; kept < target.length; kept++) {
    const at = position.get(kind.keyOf(target[kept] as T));
    if (at === undefined || at < last) break;
    last = at;
  }
  const keptKeys = new Set(target.slice(0, kept).map(kind.keyOf));
  const targetKeys = new Set(target.map(kind.keyOf));
  const leaving = new Map<string, T[]>();
  for (const row of current) {
    const key = kind.keyOf(row);
    if (keptKeys.has(key) || targetKeys.has(key)) continue;
    leaving.set(kind.pairOf(row), [...(leaving.get(kind.pairOf(row)) ?? []), row]);
  }
  const updated = new Set<T>();
  const appends = target.slice(kept).map((row) => {
    const old = leaving.get(kind.pairOf(row))?.shift();
    if (old === undefined) return kind.add(row);
    updated.add(old);
    return kind.update(old, row);
  });
  const removals = current
    .filter((row) => !keptKeys.has(kind.keyOf(row)) && !updated.has(row))
    .map(kind.remove);
  return [...removals, ...appends];
}

const LINES: TupleKind<ReportingLine> = {
  keyOf: lineKeyOf,
  pairOf: (line) => `${line.manager}\u0000${line.report}`,
  add: (line) => ({ op: "addLine", line }),
  remove: (line) => ({ op: "removeLine", line }),
  update: (line, { kind }) => ({ op: "updateLine", line, kind }),
};

const ASSIGNMENTS: TupleKind<Assignment> = {
  keyOf: assignmentKeyOf,
  pairOf: (a) => `${a.role}\u0000${a.responsibility}`,
  add: (assignment) => ({ op: "addAssignment", assignment }),
  remove: (assignment) => ({ op: "removeAssignment", assignment }),
  update: (assignment, { code }) => ({ op: "updateAssignment", assignment, code }),
};

export const lineOperations = (
  current: readonly ReportingLine[],
  target: readonly ReportingLine[],
) => tupleOperations(current, target, LINES);

export const assignmentOperations = (
  current: readonly Assignment[],
  target: readonly Assignment[],
) => tupleOperations(current, target, ASSIGNMENTS);
