import type { ChartDocument } from "@rolemap/contract";
import {
  assignmentKeyOf,
  type ChartDiff,
  lineKeyOf,
  type OrderedDiff,
  type TupleDiff,
} from "../edit/diff-charts";

/**
 * A pure model of what the API's `writeDiff` does to the rows of a chart, and of how it
 * reads them back, so a diff can be checked without a database. It throws where the
 * database would refuse the write (a missing row, a duplicate key) or where the rows would
 * read back in no definite order (two roles at one position, a gap).
 */

/**
 * Roles and responsibilities: one row per id with an ordinal. Deletes the removed rows,
 * rewrites the updated ones (content and ordinal), sets the ordinal of the moved ones,
 * inserts the added ones, then reads the table back by ordinal.
 */
export function applyOrderedDiff<T extends { id: string }>(
  stored: readonly T[],
  diff: OrderedDiff<T>,
  what: string,
): T[] {
  const table = new Map(stored.map((item, index) => [item.id, { item, index }]));
  const row = (id: string, step: string) => {
    const found = table.get(id);
    if (found === undefined) throw new Error(`${step} ${what} "${id}" is not stored`);
    return found;
  };
  for (const id of diff.removed) {
    row(id, "removed");
    table.delete(id);
  }
  for (const { item, index } of diff.updated) {
    row(item.id, "updated");
    table.set(item.id, { item, index });
  }
  for (const { id, index } of diff.moved) table.set(id, { item: row(id, "moved").item, index });
  for (const { item, index } of diff.added) {
    if (table.has(item.id)) throw new Error(`added ${what} "${item.id}" is already stored`);
    table.set(item.id, { item, index });
  }
  const rows = [...table.values()].sort((a, b) => a.index - b.index);
  if (rows.some((entry, i) => entry.index !== i))
    throw new Error(`${what} positions are not 0..n-1: ${rows.map((entry) => entry.index)}`);
  return rows.map((entry) => entry.item);
}

/**
 * Lines and assignments: rows in insertion order, unique by content. Deletes the removed
 * rows and appends the added ones; when `reordered`, deletes every row and writes the new
 * document's list instead.
 */
export function applyTupleDiff<T>(
  stored: readonly T[],
  diff: TupleDiff<T>,
  written: readonly T[],
  keyOf: (item: T) => string,
  what: string,
): T[] {
  if (diff.reordered) return [...written];
  const removed = new Set(diff.removed.map(keyOf));
  const storedKeys = new Set(stored.map(keyOf));
  for (const key of removed)
    if (!storedKeys.has(key)) throw new Error(`removed ${what} ${key} is not stored`);
  const rows = stored.filter((item) => !removed.has(keyOf(item)));
  const keys = new Set(rows.map(keyOf));
  for (const item of diff.added) {
    if (keys.has(keyOf(item))) throw new Error(`added ${what} ${keyOf(item)} is already stored`);
    keys.add(keyOf(item));
    rows.push(item);
  }
  return rows;
}

/** The chart the rows hold after `diff` is written over `stored` (`next` is writeDiff's `after`). */
export function applyChartDiff(
  stored: ChartDocument,
  diff: ChartDiff,
  next: ChartDocument,
): ChartDocument {
  const settings =
    diff.settings === undefined
      ? stored.settings
      : diff.settings === null
        ? undefined
        : diff.settings;
  return {
    format: stored.format,
    name: diff.name ?? stored.name,
    roles: applyOrderedDiff(stored.roles, diff.roles, "role"),
    reportingLines: applyTupleDiff(
      stored.reportingLines,
      diff.reportingLines,
      next.reportingLines,
      lineKeyOf,
      "line",
    ),
    responsibilities: applyOrderedDiff(
      stored.responsibilities,
      diff.responsibilities,
      "responsibility",
    ),
    assignments: applyTupleDiff(
      stored.assignments,
      diff.assignments,
      next.assignments,
      assignmentKeyOf,
      "assignment",
    ),
    ...(settings === undefined ? {} : { settings }),
  };
}
