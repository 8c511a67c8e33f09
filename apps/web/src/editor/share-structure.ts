import type { Assignment, ChartDocument, ReportingLine } from "@rolemap/contract";
import { sameJson } from "@rolemap/domain";

/**
 * `next` with every part that equals the same part of `prev` replaced by prev's object, so
 * selectors comparing by identity (`s => s.document.roles`, one role by id) see no change
 * where nothing changed — also after a reload from the server, where every object is new.
 * O(size of the chart); only changed rows are compared deeply.
 */
export function shareStructure(prev: ChartDocument, next: ChartDocument): ChartDocument {
  if (prev === next) return prev;
  const roles = shareRows(prev.roles, next.roles, (role) => role.id);
  const responsibilities = shareRows(prev.responsibilities, next.responsibilities, (r) => r.id);
  const reportingLines = shareRows(prev.reportingLines, next.reportingLines, lineKey);
  const assignments = shareRows(prev.assignments, next.assignments, assignmentKey);
  const settings = sameJson(prev.settings, next.settings) ? prev.settings : next.settings;
  if (
    roles === prev.roles &&
    responsibilities === prev.responsibilities &&
    reportingLines === prev.reportingLines &&
    assignments === prev.assignments &&
    settings === prev.settings &&
    next.name === prev.name &&
    next.format === prev.format
  )
    return prev;
  const { settings: _, ...rest } = next;
  return {
    ...rest,
    roles,
    reportingLines,
    responsibilities,
    assignments,
    ...(settings === undefined ? {} : { settings }),
  };
}

const lineKey = (line: ReportingLine) => `${line.manager}\u0000${line.report}\u0000${line.kind}`;
const assignmentKey = (a: Assignment) => `${a.role}\u0000${a.responsibility}\u0000${a.code}`;

function shareRows<T>(prev: readonly T[], next: readonly T[], keyOf: (item: T) => string): T[] {
  if (prev === next) return prev as T[];
  const old = new Map(prev.map((item) => [keyOf(item), item]));
  let same = prev.length === next.length;
  const shared = next.map((item, index) => {
    const before = old.get(keyOf(item));
    const kept =
      before !== undefined && (before === item || sameJson(before, item)) ? before : item;
    if (kept !== prev[index]) same = false;
    return kept;
  });
  return same ? (prev as T[]) : shared;
}
