import type { Assignment, ChartDocument, ReportingLine } from "@rolemap/contract";
import { RACI_CODES } from "@rolemap/contract/constants";
import { compareIds } from "../findings";

/**
 * The links of a chart (lines by pair, codes by cell) as plain values, so `mergeScenario`
 * can compare three versions of each: a pair's kinds or a cell's codes as sorted text
 * ("dotted,solid", "A,R"; absent is "").
 */

export const SEPARATOR = "\u0000";
export const pairKey = (manager: string, report: string) => `${manager}${SEPARATOR}${report}`;
export const cellKey = (role: string, responsibility: string) =>
  `${role}${SEPARATOR}${responsibility}`;
export const lineKey = (line: ReportingLine) =>
  `${pairKey(line.manager, line.report)}${SEPARATOR}${line.kind}`;
export const assignmentKey = (a: Assignment) =>
  `${cellKey(a.role, a.responsibility)}${SEPARATOR}${a.code}`;
export const splitKey = (key: string) => key.split(SEPARATOR) as [string, string];

export interface Links {
  /** Kinds by line pair, sorted ("dotted,solid"). */
  lines: Map<string, string>;
  /** Codes by cell in R, A, C, I, S order ("R,A"). */
  cells: Map<string, string>;
  /** Solid-line managers by report, sorted. */
  managers: Map<string, string[]>;
}

const append = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

export function linksOf(document: ChartDocument): Links {
  const kinds = new Map<string, string[]>();
  const codes = new Map<string, string[]>();
  const managers = new Map<string, string[]>();
  for (const { manager, report, kind } of document.reportingLines) {
    append(kinds, pairKey(manager, report), kind);
    if (kind === "solid") append(managers, report, manager);
  }
  for (const { role, responsibility, code } of document.assignments)
    append(codes, cellKey(role, responsibility), code);
  const order = (code: string) => RACI_CODES.indexOf(code as (typeof RACI_CODES)[number]);
  for (const list of managers.values()) list.sort(compareIds);
  return {
    lines: new Map([...kinds].map(([key, list]) => [key, list.sort().join(",")])),
    cells: new Map(
      [...codes].map(([key, list]) => [key, list.sort((x, y) => order(x) - order(y)).join(",")]),
    ),
    managers,
  };
}

/** Every key of any of the maps, once. */
export function keysOf(...maps: ReadonlyMap<string, unknown>[]): Set<string> {
  const keys = new Set<string>();
  for (const map of maps) for (const key of map.keys()) keys.add(key);
  return keys;
}

/** Is `value` (a pair's kinds, a cell's codes) `base` with some items taken away? */
const isRemovalOnly = (base: string, value: string) =>
  value === "" || value.split(",").every((item) => base.split(",").includes(item));

/**
 * The roles and rows whose links a side changed since `base` by adding or changing one:
 * what a removal of the role or row would clash with. Taking a line or code away does not
 * count, nor does a line or cell that went with a removed role or row.
 */
export function touchedBy(
  base: Links,
  side: Links,
  exists: { role: (id: string) => boolean; row: (id: string) => boolean },
): { roles: Set<string>; rows: Set<string> } {
  const roles = new Set<string>();
  const rows = new Set<string>();
  for (const key of keysOf(base.lines, side.lines)) {
    if (isRemovalOnly(base.lines.get(key) ?? "", side.lines.get(key) ?? "")) continue;
    const [manager, report] = splitKey(key);
    if (!exists.role(manager) || !exists.role(report)) continue;
    roles.add(manager);
    roles.add(report);
  }
  for (const key of keysOf(base.cells, side.cells)) {
    if (isRemovalOnly(base.cells.get(key) ?? "", side.cells.get(key) ?? "")) continue;
    const [role, row] = splitKey(key);
    if (!exists.role(role) || !exists.row(row)) continue;
    roles.add(role);
    rows.add(row);
  }
  return { roles, rows };
}
