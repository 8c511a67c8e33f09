import type { Assignment, ChartDocument, ReportingLine } from "@rolemap/contract";
import { LINE_KINDS, RACI_CODES } from "@rolemap/contract/constants";
import { compareIds } from "../findings";

/**
 * The links of a chart (lines by pair, codes by cell) as numbers, so `mergeScenario` can
 * compare three versions of each cheaply: roles and rows are numbered over the three
 * documents, a pair or a cell is one number, and its kinds or codes are bits (solid 1,
 * dotted 2; R 1, A 2, C 4, I 8, S 16). Key strings for thousands of assignments on three
 * sides were most of a merge's time.
 */

export interface Keys {
  pair(manager: string, report: string): number;
  cell(role: string, responsibility: string): number;
  /** A line or an assignment: its pair or cell with its kind or code. */
  line(line: ReportingLine): number;
  assignment(assignment: Assignment): number;
  /** The ids a pair or a cell number stands for. */
  ends(pair: number): [manager: string, report: string];
  cellEnds(cell: number): [role: string, responsibility: string];
}

const KIND_COUNT = LINE_KINDS.length;
const CODE_COUNT = RACI_CODES.length;
const kindIndex: Readonly<Record<string, number>> = Object.fromEntries(
  LINE_KINDS.map((kind, index) => [kind, index]),
);
const codeIndex: Readonly<Record<string, number>> = Object.fromEntries(
  RACI_CODES.map((code, index) => [code, index]),
);

function numbering(lists: readonly (readonly { id: string }[])[]) {
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  for (const list of lists)
    for (const { id } of list)
      if (!numbers.has(id)) {
        numbers.set(id, ids.length);
        ids.push(id);
      }
  return { numbers, ids };
}

export function keysFor(documents: readonly ChartDocument[]): Keys {
  const roles = numbering(documents.map((document) => document.roles));
  const rows = numbering(documents.map((document) => document.responsibilities));
  const roleCount = roles.ids.length;
  const rowCount = rows.ids.length;
  const role = (id: string) => roles.numbers.get(id) as number;
  const row = (id: string) => rows.numbers.get(id) as number;
  const pair = (manager: string, report: string) => role(manager) * roleCount + role(report);
  const cell = (id: string, responsibility: string) => role(id) * rowCount + row(responsibility);
  return {
    pair,
    cell,
    line: (line) => pair(line.manager, line.report) * KIND_COUNT + (kindIndex[line.kind] as number),
    assignment: (a) => cell(a.role, a.responsibility) * CODE_COUNT + (codeIndex[a.code] as number),
    ends: (key) => [
      roles.ids[Math.floor(key / roleCount)] as string,
      roles.ids[key % roleCount] as string,
    ],
    cellEnds: (key) => [
      roles.ids[Math.floor(key / rowCount)] as string,
      rows.ids[key % rowCount] as string,
    ],
  };
}

export interface Links {
  /** Kinds by line pair, as bits. */
  lines: Map<number, number>;
  /** Codes by cell, as bits. */
  cells: Map<number, number>;
  /** Solid-line managers by report, sorted. */
  managers: Map<string, string[]>;
}

export function linksOf(document: ChartDocument, keys: Keys): Links {
  const links: Links = { lines: new Map(), cells: new Map(), managers: new Map() };
  for (const { manager, report, kind } of document.reportingLines) {
    const pair = keys.pair(manager, report);
    links.lines.set(pair, (links.lines.get(pair) ?? 0) | (1 << (kindIndex[kind] as number)));
    if (kind !== "solid") continue;
    const list = links.managers.get(report);
    if (list === undefined) links.managers.set(report, [manager]);
    else list.push(manager);
  }
  for (const { role, responsibility, code } of document.assignments) {
    const cell = keys.cell(role, responsibility);
    links.cells.set(cell, (links.cells.get(cell) ?? 0) | (1 << (codeIndex[code] as number)));
  }
  for (const list of links.managers.values()) list.sort(compareIds);
  return links;
}

/** The kinds or codes a set of bits holds, in the contract's order. */
export const itemsOf = <T extends string>(bits: number, items: readonly T[]): T[] =>
  items.filter((_, index) => (bits & (1 << index)) !== 0);

/** Every key of any of the maps, once. */
export function keysOf<K>(...maps: ReadonlyMap<K, unknown>[]): Set<K> {
  const keys = new Set<K>();
  for (const map of maps) for (const key of map.keys()) keys.add(key);
  return keys;
}

/**
 * The roles and rows whose links a side changed since `base` by adding or changing one:
 * what a removal of the role or row would clash with. Taking a line or code away does not
 * count, nor does a line or cell that went with a removed role or row (only the side's
 * own lines and cells are read, and their ends are on that side).
 */
export function touchedBy(
  base: Links,
  side: Links,
  keys: Keys,
): { roles: Set<string>; rows: Set<string> } {
  const roles = new Set<string>();
  const rows = new Set<string>();
  // Bits the side has that the base had not: something added, not only taken away.
  const adds = (map: ReadonlyMap<number, number>, was: ReadonlyMap<number, number>, key: number) =>
    ((map.get(key) ?? 0) & ~(was.get(key) ?? 0)) !== 0;
  for (const [pair] of side.lines) {
    if (!adds(side.lines, base.lines, pair)) continue;
    const [manager, report] = keys.ends(pair);
    roles.add(manager);
    roles.add(report);
  }
  for (const [cell] of side.cells) {
    if (!adds(side.cells, base.cells, cell)) continue;
    const [role, row] = keys.cellEnds(cell);
    roles.add(role);
    rows.add(row);
  }
  return { roles, rows };
}
