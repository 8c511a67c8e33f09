import type { ChartDocument, Operation } from "@rolemap/contract";
import { type ChartDiff, diffOrdered, type OrderedDiff, sameJson } from "./diff-charts";
import { diffAssignmentsByOperations, diffLinesByOperations } from "./diff-tuples-by-operations";

/** Past this many named ids, one full diff of the collection costs less than the lookups. */
const MAX_TOUCHED = 64;

/** The ids a batch names in one ordered collection, and whether it may shift other rows. */
interface Touches {
  ids: string[];
  /** An insertion before the end, a removal or a move: other rows' indexes may change. */
  shifts: boolean;
  /** Rows appended at the end when nothing shifts. */
  appended: number;
}

/** What one operation does to an ordered collection, as far as its diff cares. */
type RowEffect =
  | { add: string; index: number | undefined }
  | { update: string }
  | "remove"
  | "move";

const roleEffect = (operation: Operation): RowEffect | undefined => {
  if (operation.op === "addRole") return { add: operation.role.id, index: operation.index };
  if (operation.op === "removeRole") return "remove";
  if (operation.op === "updateRole") return { update: operation.id };
  // A moveRole with a manager alone changes a line, not the role.
  if (operation.op === "moveRole" && operation.position !== undefined)
    return { update: operation.id };
  return undefined;
};

const responsibilityEffect = (operation: Operation): RowEffect | undefined => {
  if (operation.op === "addResponsibility")
    return { add: operation.responsibility.id, index: operation.index };
  if (operation.op === "removeResponsibility") return "remove";
  if (operation.op === "moveResponsibility") return "move";
  if (operation.op === "updateResponsibility") return { update: operation.id };
  return undefined;
};

function touchedRows(
  length: number,
  operations: readonly Operation[],
  effectOf: (operation: Operation) => RowEffect | undefined,
): Touches {
  const touches: Touches = { ids: [], shifts: false, appended: 0 };
  for (const operation of operations) {
    const effect = effectOf(operation);
    if (effect === undefined) continue;
    if (effect === "remove" || effect === "move") {
      touches.shifts = true;
      if (effect === "remove") length -= 1;
    } else if ("update" in effect) touches.ids.push(effect.update);
    else {
      if ((effect.index ?? length) < length) touches.shifts = true;
      touches.ids.push(effect.add);
      touches.appended += 1;
      length += 1;
    }
  }
  return touches;
}

/** The first index where the two lists hold different ids (linear: only for shifting batches). */
function firstDifference(before: readonly { id: string }[], after: readonly { id: string }[]) {
  let index = 0;
  while (index < before.length && before[index]?.id === after[index]?.id) index += 1;
  return index;
}

/** Where `id` is among the first `end` rows, or -1: a scan, but no index of the whole list. */
function indexOfId(rows: readonly { id: string }[], id: string, end: number) {
  for (let i = 0; i < end; i++) if (rows[i]?.id === id) return i;
  return -1;
}

/**
 * Rows before `from` keep their index, so only the named ones there can have changed;
 * from `from` on (the appended rows, or everything a shifting batch moved) a full diff.
 */
function diffTouched<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  touches: Touches,
): OrderedDiff<T> {
  if (touches.ids.length > MAX_TOUCHED) return diffOrdered(before, after);
  if (!touches.shifts && after.length !== before.length + touches.appended)
    return diffOrdered(before, after); // not what these operations made of `before`
  const from = touches.shifts ? firstDifference(before, after) : before.length;
  const diff = diffOrdered(before.slice(from), after.slice(from), from);
  const inTail = new Set([
    ...diff.added.map(({ item }) => item.id),
    ...diff.updated.map(({ item }) => item.id),
    ...diff.moved.map(({ id }) => id),
    ...diff.removed,
  ]);
  const head: OrderedDiff<T>["updated"] = [];
  for (const id of new Set(touches.ids)) {
    if (inTail.has(id)) continue;
    const index = indexOfId(before, id, from);
    if (index === -1) continue;
    const item = after[index];
    if (item?.id !== id) return diffOrdered(before, after);
    if (!sameJson(before[index], item)) head.push({ item, index });
  }
  head.sort((a, b) => a.index - b.index);
  return { ...diff, updated: [...head, ...diff.updated] };
}

/**
 * The row-level diff of a batch: what `diffCharts(before, after)` gives, for
 * `after = applyOperations(before, operations).document`, at a cost that follows what the
 * batch names rather than what the chart holds. Roles and responsibilities come out exactly
 * as from diffCharts. Lines and assignments come out as deletions plus appends that leave
 * the stored list in `after`'s order; a stored row that a batch deleted and appended again
 * is in both `removed` and `added` (deleted, then inserted at the end). When `after` does
 * not look like the batch's result, a collection falls back to the full diff.
 */
export function diffByOperations(
  before: ChartDocument,
  after: ChartDocument,
  operations: readonly Operation[],
): ChartDiff {
  const touchesChart = operations.some((operation) => operation.op === "updateChart");
  return {
    ...(touchesChart && before.name !== after.name ? { name: after.name } : {}),
    ...(touchesChart && !sameJson(before.settings, after.settings)
      ? { settings: after.settings ?? null }
      : {}),
    roles: diffTouched(
      before.roles,
      after.roles,
      touchedRows(before.roles.length, operations, roleEffect),
    ),
    responsibilities: diffTouched(
      before.responsibilities,
      after.responsibilities,
      touchedRows(before.responsibilities.length, operations, responsibilityEffect),
    ),
    reportingLines: diffLinesByOperations(before.reportingLines, after.reportingLines, operations),
    assignments: diffAssignmentsByOperations(before.assignments, after.assignments, operations),
  };
}
