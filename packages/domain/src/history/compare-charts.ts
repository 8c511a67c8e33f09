import type {
  Assignment,
  ChartDocument,
  Comparison,
  Finding,
  ReportingLine,
  Responsibility,
  Role,
} from "@rolemap/contract";
import { RACI_CODES } from "@rolemap/contract/constants";
import { sameJson } from "../edit/diff-charts";
import { compareIds } from "../findings";
import { isVacant } from "../roles";
import { SETTING_KEYS } from "../settings";
import { validateChart } from "../validate";

type FieldChanges = Record<string, [unknown, unknown]>;

/** The fields of a role a comparison lists (not its position, nor its manager: a move). */
const ROLE_FIELDS = ["title", "holder", "department", "notes"] as const;
const RESPONSIBILITY_FIELDS = ["name", "category", "description"] as const;

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  new Map(rows.map((row) => [row.id, row]));
const sortedById = <T extends { id: string }>(rows: T[]) =>
  rows.sort((x, y) => compareIds(x.id, y.id));

/** Fields whose values differ, as [old, new] with null for an absent value. */
function fieldChanges<T extends object>(
  a: T,
  b: T,
  fields: readonly (keyof T & string)[],
  same: (field: keyof T & string) => boolean = (field) => sameJson(a[field], b[field]),
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields)
    if (!same(field)) changes[field] = [a[field] ?? null, b[field] ?? null];
  return changes;
}

/** Solid-line managers by report, sorted. */
function solidManagers(lines: readonly ReportingLine[]): Map<string, string[]> {
  const managers = new Map<string, string[]>();
  for (const { manager, report, kind } of lines) {
    if (kind !== "solid") continue;
    const list = managers.get(report);
    if (list === undefined) managers.set(report, [manager]);
    else list.push(manager);
  }
  for (const list of managers.values()) list.sort(compareIds);
  return managers;
}

const sameList = (x: readonly string[] = [], y: readonly string[] = []) =>
  x.length === y.length && x.every((item, i) => item === y[i]);

/**
 * The manager a move names on one side: the first one the other side does not have (a
 * role with two solid managers gains or loses one), else the first.
 */
const headOf = (managers: readonly string[] = [], other: readonly string[] = []) =>
  managers.find((id) => !other.includes(id)) ?? managers[0] ?? null;

function compareRoles(a: ChartDocument, b: ChartDocument): Comparison["roles"] {
  const before = byId(a.roles);
  const after = byId(b.roles);
  const oldManagers = solidManagers(a.reportingLines);
  const newManagers = solidManagers(b.reportingLines);
  const ref = (role: Role) => ({ id: role.id, title: role.title });
  const roles: Comparison["roles"] = { added: [], removed: [], changed: [], moved: [] };
  for (const role of a.roles) if (!after.has(role.id)) roles.removed.push(ref(role));
  for (const role of b.roles) {
    const old = before.get(role.id);
    if (old === undefined) {
      roles.added.push(ref(role));
      continue;
    }
    // Null, missing and blank holders are all "vacant": no change between them.
    const fields = fieldChanges(old, role, ROLE_FIELDS, (field) =>
      field === "holder" && isVacant(old) && isVacant(role)
        ? true
        : sameJson(old[field], role[field]),
    );
    if (Object.keys(fields).length > 0) roles.changed.push({ ...ref(role), fields });
    const from = oldManagers.get(role.id);
    const to = newManagers.get(role.id);
    if (!sameList(from, to))
      roles.moved.push({ ...ref(role), from: headOf(from, to), to: headOf(to, from) });
  }
  sortedById(roles.added);
  sortedById(roles.removed);
  sortedById(roles.changed);
  sortedById(roles.moved);
  return roles;
}

const pairKey = (line: { manager: string; report: string }) =>
  `${line.manager}\u0000${line.report}`;

/** Kinds by line pair (manager, report). */
function kindsByPair(lines: readonly ReportingLine[]): Map<string, ReportingLine[]> {
  const pairs = new Map<string, ReportingLine[]>();
  for (const line of lines) {
    const key = pairKey(line);
    const list = pairs.get(key);
    if (list === undefined) pairs.set(key, [line]);
    else list.push(line);
  }
  return pairs;
}

const compareLines = (x: { manager: string; report: string }, y: typeof x) =>
  compareIds(x.manager, y.manager) || compareIds(x.report, y.report);

/** Per pair: one kind for the other is `changed`; anything else, lines added and removed. */
function compareReportingLines(a: ChartDocument, b: ChartDocument): Comparison["lines"] {
  const before = kindsByPair(a.reportingLines);
  const after = kindsByPair(b.reportingLines);
  const lines: Comparison["lines"] = { added: [], removed: [], changed: [] };
  const copy = ({ manager, report, kind }: ReportingLine) => ({ manager, report, kind });
  for (const [key, old] of before) {
    const now = after.get(key) ?? [];
    const [first] = old;
    const [next] = now;
    if (old.length === 1 && now.length === 1 && first !== undefined && next !== undefined) {
      if (first.kind !== next.kind)
        lines.changed.push({
          manager: first.manager,
          report: first.report,
          from: first.kind,
          to: next.kind,
        });
      continue;
    }
    for (const line of old)
      if (!now.some((other) => other.kind === line.kind)) lines.removed.push(copy(line));
    for (const line of now)
      if (!old.some((other) => other.kind === line.kind)) lines.added.push(copy(line));
  }
  for (const [key, now] of after) if (!before.has(key)) lines.added.push(...now.map(copy));
  type LineRef = Comparison["lines"]["added"][number];
  const byLineThenKind = (x: LineRef, y: LineRef) =>
    compareLines(x, y) || compareIds(x.kind, y.kind);
  lines.added.sort(byLineThenKind);
  lines.removed.sort(byLineThenKind);
  lines.changed.sort(compareLines);
  return lines;
}

function compareResponsibilities(
  a: ChartDocument,
  b: ChartDocument,
): Comparison["responsibilities"] {
  const before = byId(a.responsibilities);
  const after = byId(b.responsibilities);
  const ref = (row: Responsibility) => ({ id: row.id, name: row.name });
  const rows: Comparison["responsibilities"] = { added: [], removed: [], changed: [] };
  for (const row of a.responsibilities) if (!after.has(row.id)) rows.removed.push(ref(row));
  for (const row of b.responsibilities) {
    const old = before.get(row.id);
    if (old === undefined) rows.added.push(ref(row));
    else {
      const fields = fieldChanges(old, row, RESPONSIBILITY_FIELDS);
      if (Object.keys(fields).length > 0) rows.changed.push({ ...ref(row), fields });
    }
  }
  sortedById(rows.added);
  sortedById(rows.removed);
  sortedById(rows.changed);
  return rows;
}

const CODE_NUMBER: Readonly<Record<string, number>> = Object.fromEntries(
  RACI_CODES.map((code, index) => [code, index]),
);
const CODE_COUNT = RACI_CODES.length;
const compareAssignments = (x: Assignment, y: Assignment) =>
  compareIds(x.role, y.role) ||
  compareIds(x.responsibility, y.responsibility) ||
  (CODE_NUMBER[x.code] ?? 0) - (CODE_NUMBER[y.code] ?? 0);

/** Numbers for the ids of both documents' rows, the first document's first. */
function numbered(lists: readonly (readonly { id: string }[])[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const list of lists)
    for (const { id } of list) if (!numbers.has(id)) numbers.set(id, numbers.size);
  return numbers;
}

/**
 * Assignments as numbers (role, row and code numbered), not key strings: thousands of
 * assignments on each side made the strings most of a comparison's time.
 */
function compareCells(a: ChartDocument, b: ChartDocument): Comparison["cells"] {
  const roles = numbered([a.roles, b.roles]);
  const rows = numbered([a.responsibilities, b.responsibilities]);
  const keysOf = (list: readonly Assignment[]) => {
    const keys = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const { role, responsibility, code } = list[i] as Assignment;
      keys[i] =
        ((roles.get(role) as number) * rows.size + (rows.get(responsibility) as number)) *
          CODE_COUNT +
        (CODE_NUMBER[code] as number);
    }
    return keys;
  };
  const [keysA, keysB] = [keysOf(a.assignments), keysOf(b.assignments)];
  const only = (list: readonly Assignment[], keys: Int32Array, other: Int32Array) => {
    const others = new Set(other);
    const rows: Assignment[] = [];
    for (let i = 0; i < list.length; i++)
      if (!others.has(keys[i] as number)) {
        const { role, responsibility, code } = list[i] as Assignment;
        rows.push({ role, responsibility, code });
      }
    return rows.sort(compareAssignments);
  };
  return {
    added: only(b.assignments, keysB, keysA),
    removed: only(a.assignments, keysA, keysB),
  };
}

/** The chart's name, and each setting that differs (`settings.maxResponsible`). */
function compareChartFields(a: ChartDocument, b: ChartDocument): FieldChanges {
  const fields: FieldChanges = {};
  if (a.name !== b.name) fields.name = [a.name, b.name];
  for (const key of SETTING_KEYS) {
    const old = a.settings?.[key];
    const now = b.settings?.[key];
    if (old !== now) fields[`settings.${key}`] = [old ?? null, now ?? null];
  }
  return fields;
}

/**
 * A finding's subject: its rule and the ids it names (sorted). The message is left out:
 * it embeds titles, so a renamed role would make every finding about it look new.
 */
const findingKey = (finding: Finding) =>
  `${finding.rule}\u0000${sortedIds(finding.roles).join("\u0001")}\u0000${sortedIds(
    finding.responsibilities,
  ).join("\u0001")}`;

/** The list itself when it is sorted already (findings' lists are), else a sorted copy. */
function sortedIds(ids: readonly string[]): readonly string[] {
  for (let i = 1; i < ids.length; i++)
    if ((ids[i - 1] as string) > (ids[i] as string)) return [...ids].sort(compareIds);
  return ids;
}

/** Findings of `a` with no match in `b` (fixed) and of `b` with none in `a` (new), each once. */
export function compareFindingLists(
  a: readonly Finding[],
  b: readonly Finding[],
): Comparison["findings"] {
  const unmatched = (from: readonly Finding[], against: readonly Finding[]) => {
    const counts = new Map<string, number>();
    for (const finding of against) {
      const key = findingKey(finding);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return from.filter((finding) => {
      const key = findingKey(finding);
      const left = counts.get(key) ?? 0;
      if (left > 0) counts.set(key, left - 1);
      return left === 0;
    });
  };
  return { fixed: unmatched(a, b), new: unmatched(b, a) };
}

/**
 * What chart `b` changes relative to chart `a` (history.md's diff, `Comparison`): roles
 * added and removed, changed (title, holder, department, notes as [old, new]; a position
 * is no change) and moved (a new solid-line manager); lines added, removed and changed
 * (one kind for the other on the same pair); responsibilities added, removed and changed
 * (name, category, description); cells added and removed (a new code in a cell is one of
 * each); the chart's name and settings; findings fixed (in `a`, not in `b`) and new,
 * matched by rule and the ids they name. `findings` are each side's `validateChart`
 * findings, computed when not given. Every list is sorted by id, so the answer does not
 * depend on the documents' order. A move shows its solid lines in `lines` as well.
 */
export function compareCharts(
  a: ChartDocument,
  b: ChartDocument,
  findings?: { a: readonly Finding[]; b: readonly Finding[] },
): Comparison {
  return {
    roles: compareRoles(a, b),
    lines: compareReportingLines(a, b),
    responsibilities: compareResponsibilities(a, b),
    cells: compareCells(a, b),
    findings: compareFindingLists(findings?.a ?? validateChart(a), findings?.b ?? validateChart(b)),
    chart: { fields: compareChartFields(a, b) },
  };
}
