import type { ChartDocument, Comparison } from "@rolemap/contract";
import { cleanText } from "../text/xml-text";

/**
 * A comparison in words, for people: what the scenario `b` changes relative to `a`
 * ("CISO: CTO → CIO", "Cybersecurity: CISO R → A"), section by section. Pure; the SVG list,
 * the PDF pages and the CLI's text all print these same lines. Titles and names are taken
 * from the chart that has them (b first, a for what b removed); every text is one clean line
 * (cleanText), so a drawing escapes it once and nothing else.
 */

export type ChangeMark = "added" | "removed" | "moved" | "changed";

export interface ChangeItem {
  mark: ChangeMark;
  text: string;
}

export interface ChangeSection {
  title: string;
  items: ChangeItem[];
  /** What the section leaves out because another says it ("… are listed with the roles"). */
  note?: string;
}

/** Longest value a field change quotes; longer ones end with "…". */
const VALUE_LENGTH = 60;
/** The order codes are shown in, as the matrix legend lists them. */
const CODE_ORDER = ["A", "R", "S", "C", "I"];

interface Names {
  role(id: string): string;
  responsibility(id: string): string;
  /** The solid-line manager of a role in a chart (its title), or undefined at the top. */
  managerIn(document: ChartDocument, id: string): string | undefined;
}

function namesOf(a: ChartDocument, b: ChartDocument): Names {
  const titles = new Map<string, string>();
  const rows = new Map<string, string>();
  // b's names win: a renamed role is called what the scenario calls it.
  for (const document of [a, b]) {
    for (const role of document.roles) titles.set(role.id, cleanText(role.title));
    for (const row of document.responsibilities) rows.set(row.id, cleanText(row.name));
  }
  const managers = new Map<ChartDocument, Map<string, string>>();
  const managersOf = (document: ChartDocument) => {
    let map = managers.get(document);
    if (map === undefined) {
      map = new Map();
      for (const line of document.reportingLines)
        if (line.kind === "solid" && !map.has(line.report)) map.set(line.report, line.manager);
      managers.set(document, map);
    }
    return map;
  };
  const role = (id: string) => titles.get(id) ?? cleanText(id);
  return {
    role,
    responsibility: (id) => rows.get(id) ?? cleanText(id),
    managerIn: (document, id) => {
      const manager = managersOf(document).get(id);
      return manager === undefined ? undefined : role(manager);
    },
  };
}

/** Every change of the comparison in words, by section; sections without changes are left out. */
export function describeComparison(
  a: ChartDocument,
  b: ChartDocument,
  comparison: Comparison,
): ChangeSection[] {
  const names = namesOf(a, b);
  const sections = [
    chartSection(comparison),
    rolesSection(a, b, comparison, names),
    linesSection(comparison, names),
    responsibilitiesSection(comparison),
    cellsSection(a, b, comparison, names),
  ];
  return sections.filter((section): section is ChangeSection => section !== null);
}

/**
 * The chart's settings (and other fields) in words. Its name is left out: a scenario is
 * always named otherwise, and the heading names both charts.
 */
function chartSection(comparison: Comparison): ChangeSection | null {
  const fields = Object.entries(comparison.chart.fields).filter(([field]) => field !== "name");
  const items = fields.flatMap(([field, [before, after]]) =>
    isRecord(before) || isRecord(after)
      ? Object.entries(innerChanges(before, after)).map(([key, [old, now]]) => ({
          mark: "changed" as const,
          text: `${field}: ${key} ${formatValue(old)} → ${formatValue(now)}`,
        }))
      : [
          {
            mark: "changed" as const,
            text: `${field} ${formatValue(before)} → ${formatValue(after)}`,
          },
        ],
  );
  return items.length === 0 ? null : { title: "Chart", items };
}

function rolesSection(
  a: ChartDocument,
  b: ChartDocument,
  { roles }: Comparison,
  names: Names,
): ChangeSection | null {
  const items: ChangeItem[] = [];
  const holderOf = (document: ChartDocument, id: string) => {
    const holder = document.roles.find((role) => role.id === id)?.holder;
    return holder === null || holder === undefined || holder.trim() === ""
      ? "vacant"
      : cleanText(holder);
  };
  const placeIn = (document: ChartDocument, id: string) => {
    const manager = names.managerIn(document, id);
    return manager === undefined ? "at the top" : `under ${manager}`;
  };
  for (const role of roles.added)
    items.push({
      mark: "added",
      text: `${cleanText(role.title)} (${holderOf(b, role.id)}) added ${placeIn(b, role.id)}`,
    });
  for (const role of roles.removed)
    items.push({
      mark: "removed",
      text: `${cleanText(role.title)} (${holderOf(a, role.id)}) removed; was ${placeIn(a, role.id)}`,
    });
  const managerName = (id: string | null) => (id === null ? "no manager" : names.role(id));
  for (const role of roles.moved)
    items.push({
      mark: "moved",
      text: `${cleanText(role.title)}: ${managerName(role.from)} → ${managerName(role.to)}`,
    });
  for (const role of roles.changed)
    items.push({
      mark: "changed",
      text: `${cleanText(role.title)}: ${fieldChanges(role.fields, { holder: "vacant" })}`,
    });
  return items.length === 0 ? null : { title: "Roles", items };
}

const lineName = (kind: string) => `${kind} line`;

/**
 * Lines in words. A line into or out of an added or removed role, and a moved role's old
 * and new solid line, are what the roles section already says, so they are left out.
 */
function linesSection({ roles, lines }: Comparison, names: Names): ChangeSection | null {
  const wholeRoles = new Set([...roles.added, ...roles.removed].map((role) => role.id));
  const moves = new Map(roles.moved.map((role) => [role.id, role]));
  const saidElsewhere = (
    line: { manager: string; report: string; kind: string },
    side: "from" | "to",
  ) =>
    wholeRoles.has(line.manager) ||
    wholeRoles.has(line.report) ||
    (line.kind === "solid" && moves.get(line.report)?.[side] === line.manager);

  const items: ChangeItem[] = [];
  let left = 0;
  for (const line of lines.added) {
    if (saidElsewhere(line, "to")) left++;
    else
      items.push({
        mark: "added",
        text: `${names.role(line.report)} now reports to ${names.role(line.manager)} (${lineName(line.kind)})`,
      });
  }
  for (const line of lines.removed) {
    if (saidElsewhere(line, "from")) left++;
    else
      items.push({
        mark: "removed",
        text: `${names.role(line.report)} no longer reports to ${names.role(line.manager)} (${lineName(line.kind)})`,
      });
  }
  for (const line of lines.changed)
    items.push({
      mark: "changed",
      text: `${names.role(line.report)} to ${names.role(line.manager)}: ${lineName(line.from)} → ${lineName(line.to)}`,
    });
  if (items.length === 0) return null;
  const section: ChangeSection = { title: "Reporting lines", items };
  if (left > 0)
    section.note = "Lines of added, removed and moved roles are described with the roles.";
  return section;
}

function responsibilitiesSection({ responsibilities }: Comparison): ChangeSection | null {
  const label = (row: { name: string }) => cleanText(row.name);
  const items: ChangeItem[] = [
    ...responsibilities.added.map((row) => ({
      mark: "added" as const,
      text: `${label(row)} added`,
    })),
    ...responsibilities.removed.map((row) => ({
      mark: "removed" as const,
      text: `${label(row)} removed`,
    })),
    ...responsibilities.changed.map((row) => ({
      mark: "changed" as const,
      text: `${label(row)}: ${fieldChanges(row.fields, {})}`,
    })),
  ];
  return items.length === 0 ? null : { title: "Responsibilities", items };
}

/**
 * Matrix cells by responsibility row, one line per row, each changed cell with its whole
 * codes before and after ("Cybersecurity: CTO A/R → R; CISO none → A"). Cells of removed
 * roles and rows go with them and are not repeated.
 */
function cellsSection(
  a: ChartDocument,
  b: ChartDocument,
  comparison: Comparison,
  names: Names,
): ChangeSection | null {
  const { cells, roles, responsibilities } = comparison;
  const gone = new Set([
    ...roles.removed.map((role) => role.id),
    ...responsibilities.removed.map((row) => row.id),
  ]);
  // The changed cells by row, in the order the diff names them; their codes filled below.
  const rows = new Map<string, Map<string, { before: string[]; after: string[] }>>();
  let left = 0;
  for (const cell of [...cells.removed, ...cells.added]) {
    if (gone.has(cell.role) || gone.has(cell.responsibility)) {
      left++;
      continue;
    }
    let row = rows.get(cell.responsibility);
    if (row === undefined) {
      row = new Map();
      rows.set(cell.responsibility, row);
    }
    if (!row.has(cell.role)) row.set(cell.role, { before: [], after: [] });
  }
  const fill = (document: ChartDocument, side: "before" | "after") => {
    for (const cell of document.assignments)
      rows.get(cell.responsibility)?.get(cell.role)?.[side].push(cell.code);
  };
  fill(a, "before");
  fill(b, "after");

  const items: ChangeItem[] = [];
  for (const [responsibility, row] of rows) {
    const marks = new Set<ChangeMark>();
    const parts: string[] = [];
    for (const [role, { before, after }] of row) {
      marks.add(before.length === 0 ? "added" : after.length === 0 ? "removed" : "changed");
      parts.push(`${names.role(role)} ${codesText(before)} → ${codesText(after)}`);
    }
    const mark = marks.size === 1 ? ([...marks][0] ?? "changed") : "changed";
    items.push({ mark, text: `${names.responsibility(responsibility)}: ${parts.join("; ")}` });
  }
  if (items.length === 0) return null;
  const section: ChangeSection = { title: "Matrix cells", items };
  if (left > 0) section.note = "Cells of removed roles and responsibilities went with them.";
  return section;
}

function codesText(codes: readonly string[]): string {
  if (codes.length === 0) return "none";
  const rank = (code: string) => {
    const index = CODE_ORDER.indexOf(code);
    return index < 0 ? CODE_ORDER.length : index;
  };
  return [...codes].sort((x, y) => rank(x) - rank(y)).join("/");
}

/** `title “CIO” → “Chief Information Officer”; holder “Ann Lee” → vacant`. */
function fieldChanges(
  fields: Record<string, [unknown, unknown]>,
  empty: Record<string, string>,
): string {
  return Object.entries(fields)
    .map(([field, [before, after]]) => {
      const show = (value: unknown) =>
        isBlank(value) ? (empty[field] ?? "none") : formatValue(value);
      return `${field} ${show(before)} → ${show(after)}`;
    })
    .join("; ");
}

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === "string" && value.trim() === "");

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The keys of two objects (settings) whose values differ, with both values. */
function innerChanges(before: unknown, after: unknown): Record<string, [unknown, unknown]> {
  const old = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)]))
    if (JSON.stringify(old[key]) !== JSON.stringify(now[key])) changes[key] = [old[key], now[key]];
  return changes;
}

/** A value as a person reads it: text in quotes (shortened), numbers as they are, none. */
export function formatValue(value: unknown): string {
  if (isBlank(value)) return "none";
  if (typeof value === "string") return `“${shorten(cleanText(value))}”`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return shorten(cleanText(JSON.stringify(value) ?? String(value)));
}

function shorten(text: string): string {
  const characters = Array.from(text);
  if (characters.length <= VALUE_LENGTH) return text;
  return `${characters
    .slice(0, VALUE_LENGTH - 1)
    .join("")
    .trimEnd()}…`;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/**
 * The comparison in one line of counts: "2 roles added, 1 removed, 1 moved; 3 matrix cells;
 * findings: 2 fixed, 1 new".
 */
export function summariseComparison(comparison: Comparison): string {
  const { roles, lines, responsibilities, cells, findings, chart } = comparison;
  const parts: string[] = [];
  const roleParts = [
    roles.added.length > 0 ? `${roles.added.length} added` : "",
    roles.removed.length > 0 ? `${roles.removed.length} removed` : "",
    roles.moved.length > 0 ? `${roles.moved.length} moved` : "",
    roles.changed.length > 0 ? `${roles.changed.length} changed` : "",
  ].filter((part) => part !== "");
  const roleCount =
    roles.added.length + roles.removed.length + roles.moved.length + roles.changed.length;
  if (roleParts.length > 0)
    parts.push(`${roleCount === 1 ? "role" : "roles"}: ${roleParts.join(", ")}`);
  const lineCount = lines.added.length + lines.removed.length + lines.changed.length;
  if (lineCount > 0) parts.push(plural(lineCount, "reporting line"));
  const rowCount =
    responsibilities.added.length +
    responsibilities.removed.length +
    responsibilities.changed.length;
  if (rowCount > 0) parts.push(plural(rowCount, "responsibility", "responsibilities"));
  // A cell whose code changed is one removed and one added assignment: counted once.
  const cellCount = new Set(
    [...cells.added, ...cells.removed].map((cell) => `${cell.role}\u0000${cell.responsibility}`),
  ).size;
  if (cellCount > 0) parts.push(plural(cellCount, "matrix cell"));
  const chartFields = Object.keys(chart.fields)
    .filter((field) => field !== "name")
    .map(cleanText);
  if (chartFields.length > 0) parts.push(`chart ${chartFields.join(" and ")}`);
  const joined = parts.join("; ");
  const changes = joined === "" ? "No changes" : `${joined[0]?.toUpperCase()}${joined.slice(1)}`;
  return `${changes}. Findings: ${findingsDelta(findings).toLowerCase()}.`;
}

/** "2 fixed, 1 new", or "None fixed, none new". */
export function findingsDelta(findings: Comparison["findings"]): string {
  const fixed = findings.fixed.length === 0 ? "None" : String(findings.fixed.length);
  const opened = findings.new.length === 0 ? "none" : String(findings.new.length);
  return `${fixed} fixed, ${opened} new`;
}

export const FINDINGS_DELTA_TITLE = "Findings: fixed and new";

/** The sentence under the findings delta's heading. */
export function describeFindingsDelta(findings: Comparison["findings"]): string {
  if (findings.fixed.length === 0 && findings.new.length === 0)
    return "None fixed, none new: both charts have the same findings.";
  return `${findingsDelta(findings)}. Fixed: in the first chart, not in the scenario. New: in the scenario only.`;
}
