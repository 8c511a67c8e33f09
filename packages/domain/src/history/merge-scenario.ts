import type {
  Assignment,
  ChartDocument,
  Operation,
  PromoteConflict,
  ReportingLine,
  Responsibility,
  Role,
} from "@rolemap/contract";
import { sameJson } from "../edit/diff-charts";
import { operationsBetween } from "../edit/operations-between";
import { compareIds } from "../findings";
import { isVacant } from "../roles";
import { mergeChart } from "./merge-chart";
import { cyclesClosed } from "./merge-cycles";
import {
  assignmentKey,
  keysOf,
  type Links,
  lineKey,
  linksOf,
  splitKey,
  touchedBy,
} from "./merge-links";
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
const lineWords = (kinds: string) =>
  kinds === "" ? "no line" : `a ${kinds.split(",").join(" and a ")} line`;
const codeWords = (codes: string) => (codes === "" ? "nothing" : codes.split(",").join(" and "));
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
  const links: Three<Links> = {
    base: linksOf(base),
    scenario: linksOf(scenario),
    current: linksOf(current),
  };
  const conflicts: PromoteConflict[] = [];
  const chart = mergeChart(docs, conflicts);

  const touched = (side: "scenario" | "current") => {
    const roles = new Set(docs[side].roles.map((role) => role.id));
    const rows = new Set(docs[side].responsibilities.map((row) => row.id));
    return touchedBy(links.base, links[side], {
      role: (id) => roles.has(id),
      row: (id) => rows.has(id),
    });
  };
  const [bySide, byOriginal] = [touched("scenario"), touched("current")];
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
  for (const document of [scenario, base, current])
    for (const role of document.roles) titles.set(role.id, role.title);
  const names = new Map<string, string>();
  for (const document of [scenario, base, current])
    for (const row of document.responsibilities) names.set(row.id, row.name);
  const title = (id: string) => titles.get(id) ?? id;

  // Solid-line managers: both sides giving a role another one is a conflict. A side that
  // only lost a manager it removed did not move the role (the removal says it all).
  const present = (side: "scenario" | "current") => {
    const ids = new Set(docs[side].roles.map((role) => role.id));
    return (id: string) => ids.has(id);
  };
  const [inScenario, inCurrent] = [present("scenario"), present("current")];
  for (const id of roles.merged.keys()) {
    const b = links.base.managers.get(id) ?? [];
    const moved = (managers: string[], exists: (id: string) => boolean) =>
      sameJson(managers, b.filter(exists)) ? b : managers;
    const s = moved(links.scenario.managers.get(id) ?? [], inScenario);
    const c = moved(links.current.managers.get(id) ?? [], inCurrent);
    if (choose(b, s, c) === undefined)
      conflicts.push({
        kind: "role",
        subject: id,
        field: "manager",
        message: `both moved ${title(id)}: ${managerWords(s, title)} in the scenario, ${managerWords(c, title)} in the original`,
      });
  }

  const keep = (role: string) => roles.merged.has(role);
  const mergedLines = new Set<string>();
  for (const key of keysOf(links.base.lines, links.scenario.lines, links.current.lines)) {
    const [manager, report] = splitKey(key);
    if (roles.conflicted.has(manager) || roles.conflicted.has(report)) continue;
    const [b, s, c] = [links.base, links.scenario, links.current].map(
      (side) => side.lines.get(key) ?? "",
    ) as [string, string, string];
    const picked = choose(b, s, c);
    if (picked === undefined)
      conflicts.push({
        kind: "line",
        subject: `${manager}>${report}`,
        message: `both changed the line from ${title(report)} to ${title(manager)}: ${lineWords(s)} in the scenario, ${lineWords(c)} in the original`,
      });
    else if (picked.value !== "" && keep(manager) && keep(report))
      for (const kind of picked.value.split(",")) mergedLines.add(`${key}\u0000${kind}`);
  }

  const mergedCells = new Set<string>();
  for (const key of keysOf(links.base.cells, links.scenario.cells, links.current.cells)) {
    const [role, row] = splitKey(key);
    if (roles.conflicted.has(role) || rows.conflicted.has(row)) continue;
    const [b, s, c] = [links.base, links.scenario, links.current].map(
      (side) => side.cells.get(key) ?? "",
    ) as [string, string, string];
    const picked = choose(b, s, c);
    if (picked === undefined)
      conflicts.push({
        kind: "cell",
        subject: `${role}/${row}`,
        message: `both changed ${title(role)} on ${names.get(row) ?? row}: ${codeWords(s)} in the scenario, ${codeWords(c)} in the original`,
      });
    else if (picked.value !== "" && keep(role) && rows.merged.has(row))
      for (const code of picked.value.split(",")) mergedCells.add(`${key}\u0000${code}`);
  }

  const reportingLines = mergeOrder(
    lists((d) => d.reportingLines),
    lineKey,
    pickRows(
      lists((d) => d.reportingLines),
      lineKey,
      mergedLines,
    ),
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
      assignmentKey,
      pickRows(
        lists((d) => d.assignments),
        assignmentKey,
        mergedCells,
      ),
    ),
    ...(chart.settings === undefined ? {} : { settings: chart.settings }),
  };
  return { ok: true, operations: operationsBetween(current, document), document };
}

/** The rows whose keys are kept, taken from whichever version has them. */
function pickRows<T extends ReportingLine | Assignment>(
  lists: Three<readonly T[]>,
  keyOf: (row: T) => string,
  kept: ReadonlySet<string>,
): Map<string, T> {
  const rows = new Map<string, T>();
  for (const list of [lists.base, lists.current, lists.scenario])
    for (const row of list) {
      const key = keyOf(row);
      if (kept.has(key)) rows.set(key, row);
    }
  return rows;
}

function sortConflicts(conflicts: PromoteConflict[]): PromoteConflict[] {
  return conflicts.sort(
    (x, y) =>
      KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
      compareIds(x.subject, y.subject) ||
      compareIds(x.field ?? "", y.field ?? ""),
  );
}
