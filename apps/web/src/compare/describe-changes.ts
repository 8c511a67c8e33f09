import type { ChartDocument, Comparison, RaciCode } from "@rolemap/contract";
import { formatCodes } from "../matrix/codes";

/**
 * A comparison (`GET /compare/:b`, history.md) in words: what the second chart changes
 * relative to the first, by section, with titles and names instead of ids. Pure: the
 * documents give the names (a removed role's from the first, an added one's from the second).
 */

export type ChangeKind = "added" | "removed" | "moved" | "changed";

export interface ChangeItem {
  /** Unique within its section. */
  key: string;
  kind: ChangeKind;
  /** What changed: a role's title, a row's name, "Cybersecurity · CISO". */
  subject: string;
  /** How: "now reports to CIO (was CTO)", "title: CIO → Chief Information Officer". */
  detail: string;
}

export type SectionId = "roles" | "lines" | "responsibilities" | "cells" | "chart";

export interface ChangeSection {
  id: SectionId;
  title: string;
  items: ChangeItem[];
}

export const KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  added: "Added",
  removed: "Removed",
  moved: "Moved",
  changed: "Changed",
};

/** Titles and names of both sides: the second chart's first, the first's for what it lost. */
export interface Names {
  role(id: string): string;
  /** A role as the first chart called it (where it was, before a move). */
  roleBefore(id: string): string;
  responsibility(id: string): string;
}

export function namesOf(a: ChartDocument, b: ChartDocument): Names {
  const before = new Map(a.roles.map((role) => [role.id, role.title]));
  const roles = new Map(before);
  const rows = new Map<string, string>();
  for (const role of b.roles) roles.set(role.id, role.title);
  for (const document of [a, b])
    for (const row of document.responsibilities) rows.set(row.id, row.name);
  return {
    role: (id) => roles.get(id) ?? id,
    roleBefore: (id) => before.get(id) ?? roles.get(id) ?? id,
    responsibility: (id) => rows.get(id) ?? id,
  };
}

/** A field's value for people: "—" for nothing, text as it is, anything else as JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** "title: CIO → Chief Information Officer; holder: — → Ada" (fields in a stable order). */
export function formatFields(fields: Readonly<Record<string, readonly [unknown, unknown]>>) {
  return Object.keys(fields)
    .sort()
    .map((field) => {
      const [before, after] = fields[field] ?? [undefined, undefined];
      return `${field}: ${formatValue(before)} → ${formatValue(after)}`;
    })
    .join("; ");
}

/** A line as the diff has it (its kind as text). */
export interface LineLike {
  manager: string;
  report: string;
  kind: string;
}

export function describeLine(line: LineLike, names: Names) {
  const report = names.role(line.report);
  const manager = names.role(line.manager);
  return line.kind === "dotted"
    ? `${report} has a dotted line to ${manager}`
    : `${report} reports to ${manager}`;
}

const solidManagerOf = (document: ChartDocument, id: string): string | null =>
  document.reportingLines.find((line) => line.kind === "solid" && line.report === id)?.manager ??
  null;

export const lineKey = (line: LineLike) => `${line.manager}>${line.report}:${line.kind}`;

/** The codes of every cell, by "role/responsibility". */
function codesByCell(document: ChartDocument): Map<string, RaciCode[]> {
  const cells = new Map<string, RaciCode[]>();
  for (const { role, responsibility, code } of document.assignments) {
    const key = cellKey(role, responsibility);
    const codes = cells.get(key);
    if (codes === undefined) cells.set(key, [code]);
    else codes.push(code);
  }
  return cells;
}

export const cellKey = (role: string, responsibility: string) =>
  `${encodeURIComponent(role)}/${encodeURIComponent(responsibility)}`;

export interface CellChange {
  role: string;
  responsibility: string;
  before: readonly RaciCode[];
  after: readonly RaciCode[];
  added: readonly RaciCode[];
  removed: readonly RaciCode[];
}

/** Every cell the comparison changes, with its codes before and after, in diff order. */
export function cellChangesOf(diff: Comparison, a: ChartDocument, b: ChartDocument): CellChange[] {
  const before = codesByCell(a);
  const after = codesByCell(b);
  const changes = new Map<string, CellChange>();
  const entry = (role: string, responsibility: string) => {
    const key = cellKey(role, responsibility);
    let change = changes.get(key);
    if (change === undefined) {
      change = {
        role,
        responsibility,
        before: before.get(key) ?? [],
        after: after.get(key) ?? [],
        added: [],
        removed: [],
      };
      changes.set(key, change);
    }
    return change;
  };
  for (const cell of diff.cells.added)
    (entry(cell.role, cell.responsibility).added as RaciCode[]).push(cell.code);
  for (const cell of diff.cells.removed)
    (entry(cell.role, cell.responsibility).removed as RaciCode[]).push(cell.code);
  return [...changes.values()];
}

function roleItems(diff: Comparison, a: ChartDocument, b: ChartDocument, names: Names) {
  const items: ChangeItem[] = [];
  const under = (manager: string | null, name = names.role) =>
    manager === null ? "at the top" : `under ${name(manager)}`;
  for (const role of diff.roles.added)
    items.push({
      key: `added:${role.id}`,
      kind: "added",
      subject: role.title,
      detail: under(solidManagerOf(b, role.id)),
    });
  for (const role of diff.roles.removed)
    items.push({
      key: `removed:${role.id}`,
      kind: "removed",
      subject: role.title,
      detail: `was ${under(solidManagerOf(a, role.id), names.roleBefore)}`,
    });
  for (const role of diff.roles.moved)
    items.push({
      key: `moved:${role.id}`,
      kind: "moved",
      subject: role.title,
      detail:
        role.to === null
          ? `now at the top (was ${under(role.from, names.roleBefore)})`
          : `now reports to ${names.role(role.to)} (was ${role.from === null ? "at the top" : names.roleBefore(role.from)})`,
    });
  for (const role of diff.roles.changed)
    items.push({
      key: `changed:${role.id}`,
      kind: "changed",
      subject: role.title,
      detail: formatFields(role.fields),
    });
  return items;
}

/**
 * The solid lines a move implies (off the old manager, onto the new one): the move says
 * it, so they are not listed a second time.
 */
function linesOfMoves(diff: Comparison): Set<string> {
  const implied = new Set<string>();
  for (const { id, from, to } of diff.roles.moved) {
    if (from !== null) implied.add(lineKey({ manager: from, report: id, kind: "solid" }));
    if (to !== null) implied.add(lineKey({ manager: to, report: id, kind: "solid" }));
  }
  return implied;
}

/** Lines to and from added or removed roles come with the role: not listed again. */
function linesOfRoles(diff: Comparison): Set<string> {
  return new Set([...diff.roles.added, ...diff.roles.removed].map((role) => role.id));
}

function lineItems(diff: Comparison, names: Names) {
  const implied = linesOfMoves(diff);
  const rolesGone = linesOfRoles(diff);
  const isImplied = (line: LineLike) =>
    implied.has(lineKey(line)) ||
    (line.kind === "solid" && (rolesGone.has(line.report) || rolesGone.has(line.manager)));
  const items: ChangeItem[] = [];
  for (const line of diff.lines.added)
    if (!isImplied(line))
      items.push({
        key: `added:${lineKey(line)}`,
        kind: "added",
        subject: describeLine(line, names),
        detail: line.kind === "dotted" ? "new dotted line" : "new solid line",
      });
  for (const line of diff.lines.removed)
    if (!isImplied(line))
      items.push({
        key: `removed:${lineKey(line)}`,
        kind: "removed",
        subject: describeLine(line, names),
        detail: line.kind === "dotted" ? "dotted line removed" : "solid line removed",
      });
  for (const line of diff.lines.changed)
    items.push({
      key: `changed:${line.manager}>${line.report}`,
      kind: "changed",
      subject: `${names.role(line.report)} – ${names.role(line.manager)}`,
      detail: `${line.from} line → ${line.to} line`,
    });
  return items;
}

function responsibilityItems(diff: Comparison) {
  const items: ChangeItem[] = [];
  for (const row of diff.responsibilities.added)
    items.push({ key: `added:${row.id}`, kind: "added", subject: row.name, detail: "new row" });
  for (const row of diff.responsibilities.removed)
    items.push({
      key: `removed:${row.id}`,
      kind: "removed",
      subject: row.name,
      detail: "row removed",
    });
  for (const row of diff.responsibilities.changed)
    items.push({
      key: `changed:${row.id}`,
      kind: "changed",
      subject: row.name,
      detail: formatFields(row.fields),
    });
  return items;
}

const codesText = (codes: readonly RaciCode[]) =>
  codes.length === 0 ? "none" : formatCodes(codes);

function cellItems(changes: readonly CellChange[], names: Names): ChangeItem[] {
  return changes.map((change) => ({
    key: cellKey(change.role, change.responsibility),
    kind: change.before.length === 0 ? "added" : change.after.length === 0 ? "removed" : "changed",
    subject: `${names.responsibility(change.responsibility)} · ${names.role(change.role)}`,
    detail: `${codesText(change.before)} → ${codesText(change.after)}`,
  }));
}

/** The chart's own fields that changed, without its name when `keepsName` (a scenario's). */
function chartItems(diff: Comparison, keepsName: boolean): ChangeItem[] {
  const fields = Object.fromEntries(
    Object.entries(diff.chart.fields).filter(([field]) => !(keepsName && field === "name")),
  );
  if (Object.keys(fields).length === 0) return [];
  return [{ key: "chart", kind: "changed", subject: "Chart", detail: formatFields(fields) }];
}

/**
 * Every change in words, section by section; sections without changes are left out. For a
 * scenario compared with its primary (`keepsName`), the chart's name is no change: a
 * scenario has a name of its own, and promote keeps the primary's.
 */
export function describeChanges(
  diff: Comparison,
  a: ChartDocument,
  b: ChartDocument,
  { keepsName = false }: { keepsName?: boolean } = {},
): ChangeSection[] {
  const names = namesOf(a, b);
  const sections: ChangeSection[] = [
    { id: "roles", title: "Roles", items: roleItems(diff, a, b, names) },
    { id: "lines", title: "Reporting lines", items: lineItems(diff, names) },
    { id: "responsibilities", title: "Matrix rows", items: responsibilityItems(diff) },
    { id: "cells", title: "Matrix cells", items: cellItems(cellChangesOf(diff, a, b), names) },
    { id: "chart", title: "Chart", items: chartItems(diff, keepsName) },
  ];
  return sections.filter((section) => section.items.length > 0);
}

/** How many changes there are (the findings delta aside). */
export function countChanges(sections: readonly ChangeSection[]): number {
  return sections.reduce((sum, section) => sum + section.items.length, 0);
}
