import type {
  Assignment,
  ChartDocument,
  ImportProblem,
  Responsibility,
  Role,
} from "@rolemap/contract";
import { CHART_FORMAT, LIMITS } from "@rolemap/contract/constants";
import { checkFieldCount } from "../csv/field-count";
import { type CsvTable, readCsv } from "../csv/read-csv";
import { failed, finish, type ImportResult } from "../import-result";
import { cellText, matchKey, quote } from "../text/cells";
import { createIdAllocator, slugify } from "../text/ids";
import { chartName, checkLength } from "../text/limits";
import { type MatrixColumns, readMatrixHeader } from "./matrix-columns";
import { parseRaciCell } from "./raci-cell";

export interface MatrixImportOptions {
  /** Name of the new chart (or the merged chart's new name); "Imported chart" by default. */
  name?: string;
  /** Merge the matrix into this chart instead of creating one. */
  into?: ChartDocument;
}

/** A responsibility row of the file: the chart's responsibility it fills, and its codes. */
interface MatrixRow {
  responsibility: Responsibility;
  assignments: Assignment[];
}

/**
 * Imports a RACI matrix: the first column names responsibilities, an optional Category
 * column follows, every other column is a role, cells hold codes ("A/R" for several).
 *
 * - Alone, it creates a chart with a vacant role per column (no reporting lines), the
 *   responsibilities and their assignments.
 * - With `into`, columns name the chart's roles and rows its responsibilities (by name;
 *   new names become new responsibilities). Each row REPLACES every assignment of its
 *   responsibility; responsibilities the file does not list keep theirs.
 *
 * Counts are what the import creates: for a merge, the new responsibilities and the
 * assignments the file sets (no roles or lines).
 */
export function importMatrixCsv(text: string, options: MatrixImportOptions = {}): ImportResult {
  const { into } = options;
  const problems: ImportProblem[] = [];
  // A merge keeps the chart's name unless the caller gives a new one.
  const name =
    into !== undefined && (options.name?.trim() ?? "") === ""
      ? into.name
      : chartName(options.name, problems);
  const csv = readCsv(text);
  if (!csv.ok) return failed(noCounts(), [...problems, ...csv.problems]);
  problems.push(...csv.problems);

  const columns = readMatrixHeader(csv.table.header, into?.roles, problems);
  const roles = into?.roles ?? createRoles(columns);
  const roleIds = columns.roles.map(
    (column, position) => column.roleId ?? roles[position]?.id ?? "",
  );
  const rows = readRows(csv.table, columns, roleIds, into?.responsibilities ?? [], problems);

  const existing = new Set(into?.responsibilities);
  const created = rows
    .map((row) => row.responsibility)
    .filter((responsibility) => !existing.has(responsibility));
  const written = rows.flatMap((row) => row.assignments);
  const counts = {
    roles: into === undefined ? roles.length : 0,
    reportingLines: 0,
    responsibilities: created.length,
    assignments: written.length,
  };
  const document: ChartDocument =
    into === undefined
      ? {
          format: CHART_FORMAT,
          name,
          roles,
          reportingLines: [],
          responsibilities: created,
          assignments: written,
        }
      : {
          ...into,
          name,
          responsibilities: [...into.responsibilities, ...created],
          assignments: mergeAssignments(into.assignments, rows),
        };
  return finish(document, counts, problems);
}

function noCounts() {
  return { roles: 0, reportingLines: 0, responsibilities: 0, assignments: 0 };
}

/** A vacant role per column, titled by its header. */
function createRoles(columns: MatrixColumns): Role[] {
  const ids = createIdAllocator();
  return columns.roles.map((column) => ({
    id: ids.allocate(slugify(column.label, "role")),
    title: column.label,
    holder: null,
  }));
}

/**
 * Reads each row: its responsibility (an existing one of the same name, else a new one)
 * and its codes. A name may appear in as many rows as the chart has responsibilities of
 * that name (matched in order), and once when it is new; further rows are duplicates.
 */
function readRows(
  table: CsvTable,
  columns: MatrixColumns,
  roleIds: readonly string[],
  existing: readonly Responsibility[],
  problems: ImportProblem[],
): MatrixRow[] {
  const byName = new Map<string, Responsibility[]>();
  for (const responsibility of existing) {
    const key = matchKey(responsibility.name);
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [responsibility]);
    else list.push(responsibility);
  }
  const ids = createIdAllocator(existing.map((responsibility) => responsibility.id));
  const seenLines = new Map<string, number[]>();
  const nameColumn = columns.responsibilityHeader;
  const rows: MatrixRow[] = [];
  for (const record of table.records) {
    const aligned = checkFieldCount(record, table.header, problems);
    const cell = (index: number | undefined) =>
      index === undefined ? "" : cellText(record.cells[index]);
    const where = { line: record.line, column: nameColumn };
    const name = cell(0);
    if (aligned) reportUnnamedColumns(record.line, columns, cell, problems);
    if (name === "") {
      problems.push({ ...where, message: "the responsibility name is empty" });
      continue;
    }
    checkLength(name, LIMITS.nameLength, "the responsibility name", where, problems);

    const key = matchKey(name);
    const earlier = seenLines.get(key) ?? [];
    seenLines.set(key, earlier);
    const matches = byName.get(key) ?? [];
    const occurrence = earlier.length;
    if (occurrence > 0 && occurrence >= matches.length) {
      problems.push({
        ...where,
        message: `the responsibility ${quote(name)} is already on line ${earlier[0]}; give each one row`,
      });
      continue;
    }
    earlier.push(record.line);
    const category = cell(columns.category);
    const responsibility = matches[occurrence] ?? {
      id: ids.allocate(slugify(name, "responsibility")),
      name,
      ...(category === "" ? {} : { category }),
    };
    const assignments = aligned
      ? readCodes(record.line, columns, roleIds, responsibility.id, cell, problems)
      : [];
    rows.push({ responsibility, assignments });
  }
  return rows;
}

function readCodes(
  line: number,
  columns: MatrixColumns,
  roleIds: readonly string[],
  responsibility: string,
  cell: (index: number) => string,
  problems: ImportProblem[],
): Assignment[] {
  const assignments: Assignment[] = [];
  columns.roles.forEach((column, position) => {
    const text = cell(column.index);
    const codes = parseRaciCell(text);
    const role = roleIds[position];
    if (codes === null) {
      problems.push({
        line,
        column: column.label,
        message: `${quote(text)} is not a RACI code; write R, A, C, I or S, several as "A/R"`,
      });
      return;
    }
    if (role !== undefined)
      for (const code of codes) assignments.push({ role, responsibility, code });
  });
  return assignments;
}

function reportUnnamedColumns(
  line: number,
  columns: MatrixColumns,
  cell: (index: number) => string,
  problems: ImportProblem[],
): void {
  for (const index of columns.unnamed)
    if (cell(index) !== "")
      problems.push({
        line,
        column: null,
        message: `column ${index + 1} holds ${quote(cell(index))} but has no role title in the header`,
      });
}

/**
 * The chart's assignments with the file's rows in place: assignments of responsibilities
 * the file does not list stay; of the others, those the file repeats stay where they
 * were and the rest go; the file's new ones follow in file order. A file that repeats
 * the chart's matrix so gives back the chart unchanged.
 */
function mergeAssignments(
  current: readonly Assignment[],
  rows: readonly MatrixRow[],
): Assignment[] {
  const tuple = (assignment: Assignment) =>
    `${assignment.role}\u0000${assignment.responsibility}\u0000${assignment.code}`;
  const replaced = new Set(rows.map((row) => row.responsibility.id));
  const wanted = new Set(rows.flatMap((row) => row.assignments.map(tuple)));
  const kept = current.filter(
    (assignment) => !replaced.has(assignment.responsibility) || wanted.has(tuple(assignment)),
  );
  const present = new Set(kept.map(tuple));
  return [
    ...kept,
    ...rows
      .flatMap((row) => row.assignments)
      .filter((assignment) => !present.has(tuple(assignment))),
  ];
}
