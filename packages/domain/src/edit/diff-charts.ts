import type {
  Assignment,
  ChartDocument,
  ReportingLine,
  Responsibility,
  Role,
} from "@rolemap/contract";

/** Rows with an id and a place in the document (roles, responsibilities). */
export interface OrderedDiff<T> {
  /** New rows with their index in the new document. */
  added: { item: T; index: number }[];
  /** Kept rows whose content changed, with their new index. */
  updated: { item: T; index: number }[];
  /** Kept rows whose content is the same but whose index moved. */
  moved: { id: string; index: number }[];
  removed: string[];
}

/**
 * Rows identified by their content (lines, assignments). They keep insertion order, so
 * a diff is either appends and removals, or `reordered` when the kept rows changed order
 * or a new row came before a kept one: then the whole list is written again.
 */
export interface TupleDiff<T> {
  added: T[];
  removed: T[];
  reordered: boolean;
}

export interface ChartDiff {
  name?: string;
  /** Present when settings changed; null when they were removed. */
  settings?: ChartDocument["settings"] | null;
  roles: OrderedDiff<Role>;
  responsibilities: OrderedDiff<Responsibility>;
  reportingLines: TupleDiff<ReportingLine>;
  assignments: TupleDiff<Assignment>;
}

/** Structural equality for JSON-like values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Row by row; `offset` is the index of the lists' first rows in the whole documents. */
export function diffOrdered<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  offset = 0,
): OrderedDiff<T> {
  const old = new Map(before.map((item, index) => [item.id, { item, index: index + offset }]));
  const diff: OrderedDiff<T> = { added: [], updated: [], moved: [], removed: [] };
  const kept = new Set<string>();
  for (const [at, item] of after.entries()) {
    const index = at + offset;
    const previous = old.get(item.id);
    if (previous === undefined) diff.added.push({ item, index });
    else {
      kept.add(item.id);
      if (!sameJson(previous.item, item)) diff.updated.push({ item, index });
      else if (previous.index !== index) diff.moved.push({ id: item.id, index });
    }
  }
  diff.removed = before.filter((item) => !kept.has(item.id)).map((item) => item.id);
  return diff;
}

/** Each row's key is made once (a batch of thousands of operations diffs whole lists). */
export function diffTuples<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
): TupleDiff<T> {
  const beforeKeys = before.map(keyOf);
  const afterKeys = after.map(keyOf);
  const inBefore = new Set(beforeKeys);
  const inAfter = new Set(afterKeys);
  const added: T[] = [];
  const keptAfter: string[] = [];
  let firstAdded = -1;
  let lastKept = -1;
  afterKeys.forEach((key, i) => {
    if (inBefore.has(key)) {
      keptAfter.push(key);
      lastKept = i;
    } else {
      added.push(after[i] as T);
      if (firstAdded === -1) firstAdded = i;
    }
  });
  const removed: T[] = [];
  let kept = 0;
  let reordered = false;
  beforeKeys.forEach((key, i) => {
    if (!inAfter.has(key)) removed.push(before[i] as T);
    else if (keptAfter[kept++] !== key) reordered = true;
  });
  return {
    added,
    removed,
    reordered: reordered || (firstAdded !== -1 && firstAdded < lastKept),
  };
}

export const lineKeyOf = (line: ReportingLine) =>
  `${line.manager}\u0000${line.report}\u0000${line.kind}`;
export const assignmentKeyOf = (a: Assignment) =>
  `${a.role}\u0000${a.responsibility}\u0000${a.code}`;

/** What to write to turn the stored `before` into `after`, row by row. */
export function diffCharts(before: ChartDocument, after: ChartDocument): ChartDiff {
  return {
    ...(before.name === after.name ? {} : { name: after.name }),
    ...(sameJson(before.settings, after.settings) ? {} : { settings: after.settings ?? null }),
    roles: diffOrdered(before.roles, after.roles),
    responsibilities: diffOrdered(before.responsibilities, after.responsibilities),
    reportingLines: diffTuples(before.reportingLines, after.reportingLines, lineKeyOf),
    assignments: diffTuples(before.assignments, after.assignments, assignmentKeyOf),
  };
}

export function isEmptyDiff(diff: ChartDiff): boolean {
  const ordered = (d: OrderedDiff<unknown>) =>
    d.added.length + d.updated.length + d.moved.length + d.removed.length === 0;
  const tuples = (d: TupleDiff<unknown>) => d.added.length + d.removed.length === 0 && !d.reordered;
  return (
    diff.name === undefined &&
    diff.settings === undefined &&
    ordered(diff.roles) &&
    ordered(diff.responsibilities) &&
    tuples(diff.reportingLines) &&
    tuples(diff.assignments)
  );
}
