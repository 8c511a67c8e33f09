import type {
  Assignment,
  ChartDocument,
  Operation,
  PromoteConflict,
  ReportingLine,
  Responsibility,
  Role,
} from "@rolemap/contract";
import { LINE_KINDS, RACI_CODES } from "@rolemap/contract/constants";
import { sameJson } from "../edit/diff-charts";
import { operationsBetween } from "../edit/operations-between";
import { compareIds } from "../findings";
import { isVacant } from "../roles";
import { mergeChart } from "./merge-chart";
import { cyclesClosed } from "./merge-cycles";
import { itemsOf, type Keys, keysFor, keysOf, type Links, linksOf, touchedBy } from "./merge-links";
import { mergeOrder } from "./merge-order";
import { choose, mergeRows, type RowKind, type Three } from "./merge-rows";

export type MergeResult =
  | { ok: true; operations: Operation[]; document: ChartDocument }
  | { ok: false; conflicts: PromoteConflict[] };

const ROLES: RowKind<Role> = {
  kind: "role",
  name: (role) => role.title,
  fields: ["title", "holder", "department", "notes", "position"],
  lenient: ["position"],
  same: (field, x, y) =>
    field === "holder" && x !== undefined && y !== undefined && isVacant(x) && isVacant(y)
      ? true
      : undefined,
};

const RESPONSIBILITIES: RowKind<Responsibility> = {
  kind: "responsibility",
  name: (row) => `the row ${row.name}`,
  fields: ["name", "category", "description"],
  lenient: [],
};

const KIND_ORDER: readonly PromoteConflict["kind"][] = [
  "chart",
  "role",
  "responsibility",
  "line",
  "cell",
];

/** Words for a pair's kinds or a cell's codes ("a solid line", "R and A", "nothing"). */
const lineWords = (bits: number) =>
  bits === 0 ? "no line" : `a ${itemsOf(bits, LINE_KINDS).join(" and a ")} line`;
const codeWords = (bits: number) =>
  bits === 0 ? "nothing" : itemsOf(bits, RACI_CODES).join(" and ");
const managerWords = (managers: readonly string[], title: (id: string) => string) =>
  managers.length === 0 ? "at the top" : `under ${managers.map(title).join(" and ")}`;

/**
 * Promote (history.md): what `scenario` changed since `base` applied to the original as it
 * is now (`current`), merged with what the original changed since `base`. A three-way
 * merge of the documents: each role, row, line pair, cell, the chart's name and each setting
 * goes to the side that changed it; the same change on both sides is one change. Both
 * changing one differently is a conflict: a field of a role or row (not a role's place on
 * the canvas: the scenario's wins), a role's solid-line manager, a line pair's kinds, a
 * cell's codes, the name or a setting; so is one side removing a role or row the other
 * changed or linked (lines, cells), and a move in the scenario that closes a cycle with the
 * original's moves. Lists keep the original's order unless the scenario reordered them.
 * Without conflicts, `operations` turn `current` into `document` (`operationsBetween`);
 * with `current` equal to `base`, `document` is `scenario` exactly.
 */
export function mergeScenario(
  base: ChartDocument,
  scenario: ChartDocument,
  current: ChartDocument,
): MergeResult {
  const docs: Three<ChartDocument> = { base, scenario, current };
  const keys = keysFor([base, scenario, current]);
  const links: Three<Links> = {
    base: linksOf(base, keys),
    scenario: linksOf(scenario, keys),
    current: linksOf(current, keys),
  };
  const conflicts: PromoteConflict[] = [];
  const chart = mergeChart(docs, conflicts);

  const bySide = touchedBy(links.base, links.scenario, keys);
  const byOriginal = touchedBy(links.base, links.current, keys);
  const lists = <T>(pick: (document: ChartDocument) => readonly T[]): Three<readonly T[]> => ({
    base: pick(base),
    scenario: pick(scenario),
    current: pick(current),
  });
  const roles = mergeRows(
    ROLES,
    lists((d) => d.roles),
    { scenario: bySide.roles, current: byOriginal.roles },
    conflicts,
  );
  const rows = mergeRows(
    RESPONSIBILITIES,
    lists((d) => d.responsibilities),
    { scenario: bySide.rows, current: byOriginal.rows },
    conflicts,
  );

  const titles = new Map<string, string>();
  const names = new Map<string, string>();
  for (const document of [scenario, base, current]) {
    for (const role of document.roles) titles.set(role.id, role.title);
    for (const row of document.responsibilities) names.set(row.id, row.name);
  }
  const title = (id: string) => titles.get(id) ?? id;
  conflicts.push(...managerConflicts(docs, links, roles.merged, title));

  const lines = mergeBits(
    { base: links.base.lines, scenario: links.scenario.lines, current: links.current.lines },
    (pair) => keys.ends(pair).every((id) => roles.merged.has(id)),
    (pair, s, c) => {
      const [manager, report] = keys.ends(pair);
      conflicts.push({
        kind: "line",
        subject: `${manager}>${report}`,
        message: `both changed the line from ${title(report)} to ${title(manager)}: ${lineWords(s)} in the scenario, ${lineWords(c)} in the original`,
      });
    },
  );
  const cells = mergeBits(
    { base: links.base.cells, scenario: links.scenario.cells, current: links.current.cells },
    (cell) => {
      const [role, row] = keys.cellEnds(cell);
      return roles.merged.has(role) && rows.merged.has(row);
    },
    (cell, s, c) => {
      const [role, row] = keys.cellEnds(cell);
      conflicts.push({
        kind: "cell",
        subject: `${role}/${row}`,
        message: `both changed ${title(role)} on ${names.get(row) ?? row}: ${codeWords(s)} in the scenario, ${codeWords(c)} in the original`,
      });
    },
  );

  const reportingLines = mergeOrder(
    lists((d) => d.reportingLines),
    keys.line,
    linesOf(lines, keys),
  );
  conflicts.push(...cyclesClosed(reportingLines, links, title));
  if (conflicts.length > 0) return { ok: false, conflicts: sortConflicts(conflicts) };

  const { settings: _, ...rest } = current;
  const document: ChartDocument = {
    ...rest,
    name: chart.name,
    roles: mergeOrder(
      lists((d) => d.roles),
      (role) => role.id,
      roles.merged,
    ),
    reportingLines,
    responsibilities: mergeOrder(
      lists((d) => d.responsibilities),
      (row) => row.id,
      rows.merged,
    ),
    assignments: mergeOrder(
      lists((d) => d.assignments),
      keys.assignment,
      assignmentsOf(cells, keys),
    ),
    ...(chart.settings === undefined ? {} : { settings: chart.settings }),
  };
  return { ok: true, operations: operationsBetween(current, document), document };
}

/**
 * Solid-line managers: both sides moving a role differently is a conflict (one of them
 * put it under someone new). A side that only lost a manager it removed did not move the
 * role (the removal says it all).
 */
function managerConflicts(
  docs: Three<ChartDocument>,
  links: Three<Links>,
  merged: ReadonlyMap<string, Role>,
  title: (id: string) => string,
): PromoteConflict[] {
  const present = (document: ChartDocument) => {
    const ids = new Set(document.roles.map((role) => role.id));
    return (id: string) => ids.has(id);
  };
  const [inScenario, inCurrent] = [present(docs.scenario), present(docs.current)];
  const conflicts: PromoteConflict[] = [];
  for (const id of merged.keys()) {
    const b = links.base.managers.get(id) ?? [];
    const moved = (managers: string[], exists: (id: string) => boolean) =>
      sameJson(managers, b.filter(exists)) ? b : managers;
    const s = moved(links.scenario.managers.get(id) ?? [], inScenario);
    const c = moved(links.current.managers.get(id) ?? [], inCurrent);
    // Both only took managers away: no one put the role under someone new, the lines merge.
    const adds = (managers: string[]) => managers.some((manager) => !b.includes(manager));
    if (choose(b, s, c) === undefined && (adds(s) || adds(c)))
      conflicts.push({
        kind: "role",
        subject: id,
        field: "manager",
        message: `both moved ${title(id)}: ${managerWords(s, title)} in the scenario, ${managerWords(c, title)} in the original`,
      });
  }
  return conflicts;
}

/**
 * Three-way merge of one kind of link (line pairs or cells, their kinds or codes as bits):
 * the bits kept by key. A link whose role or row the merge does not keep goes with it: a
 * side that added to it made that removal a conflict, reported already.
 */
function mergeBits(
  maps: Three<ReadonlyMap<number, number>>,
  keep: (key: number) => boolean,
  clash: (key: number, scenario: number, current: number) => void,
): Map<number, number> {
  const merged = new Map<number, number>();
  for (const key of keysOf(maps.base, maps.scenario, maps.current)) {
    const b = maps.base.get(key) ?? 0;
    const s = maps.scenario.get(key) ?? 0;
    const c = maps.current.get(key) ?? 0;
    // Most links are the same on all three sides: the merge keeps the original's.
    const value = s === b ? c : c === b || c === s ? s : undefined;
    if (value === 0 || !keep(key)) continue;
    if (value !== undefined) merged.set(key, value);
    else clash(key, s, c);
  }
  return merged;
}

/** The lines of merged pairs, by their keys. */
function linesOf(pairs: ReadonlyMap<number, number>, keys: Keys): Map<number, ReportingLine> {
  const lines = new Map<number, ReportingLine>();
  for (const [pair, bits] of pairs) {
    const [manager, report] = keys.ends(pair);
    for (const kind of itemsOf(bits, LINE_KINDS)) {
      const line = { manager, report, kind };
      lines.set(keys.line(line), line);
    }
  }
  return lines;
}

/** The assignments of merged cells, by their keys. */
function assignmentsOf(cells: ReadonlyMap<number, number>, keys: Keys): Map<number, Assignment> {
  const assignments = new Map<number, Assignment>();
  for (const [cell, bits] of cells) {
    const [role, responsibility] = keys.cellEnds(cell);
    for (const code of itemsOf(bits, RACI_CODES)) {
      const assignment = { role, responsibility, code };
      assignments.set(keys.assignment(assignment), assignment);
    }
  }
  return assignments;
}

function sortConflicts(conflicts: PromoteConflict[]): PromoteConflict[] {
  return conflicts.sort(
    (x, y) =>
      KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
      compareIds(x.subject, y.subject) ||
      compareIds(x.field ?? "", y.field ?? ""),
  );
}
