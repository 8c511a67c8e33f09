import type { ChartDocument, ImportProblem, ReportingLine, Role } from "@rolemap/contract";
import { CHART_FORMAT } from "@rolemap/contract/constants";
import { readCsv } from "../csv/read-csv";
import { failed, finish, type ImportResult } from "../import-result";
import { listNumbers } from "../text/cells";
import { createIdAllocator, slugify } from "../text/ids";
import { chartName } from "../text/limits";
import { findCycles } from "./find-cycles";
import { type OrgColumns, recogniseOrgColumns, TITLE_EXAMPLES } from "./org-columns";
import { type OrgRow, readOrgRows } from "./org-rows";
import { resolveManagers, rowLabel } from "./resolve-managers";

export interface OrgImportOptions {
  /** Name of the new chart; "Imported chart" when missing or blank. */
  name?: string;
}

/**
 * Imports an org list (one row per person or position) as a chart: a role per row, the
 * name as its holder (vacant when empty), a solid reporting line from each row's manager.
 * No responsibilities or positions: the editor lays the chart out. Every problem of the
 * file is collected before giving up.
 */
export function importOrgCsv(text: string, options: OrgImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const name = chartName(options.name, problems);
  const csv = readCsv(text);
  if (!csv.ok) return failed(noCounts(0), [...problems, ...csv.problems]);
  problems.push(...csv.problems);
  const { table } = csv;

  const columns = recogniseOrgColumns(table.header.cells);
  if (columns.title === undefined) {
    problems.push({
      line: table.header.line,
      column: null,
      message: `the header row has no title column; name one ${TITLE_EXAMPLES.join(", ")} (found: ${describeHeaders(table.header.cells)})`,
    });
    return failed(noCounts(table.records.length), problems);
  }

  const rows = readOrgRows(table, columns, problems);
  const managers = resolveManagers(rows, columnHeaders(columns), problems);
  reportCycles(rows, managers, columns, problems);

  const roleIds = assignRoleIds(rows);
  const roles = rows.map(
    (row, position): Role => ({
      id: roleIds[position] ?? "",
      title: row.title,
      holder: row.name === "" ? null : row.name,
      ...(row.department === "" ? {} : { department: row.department }),
    }),
  );
  const reportingLines: ReportingLine[] = [];
  managers.forEach((manager, report) => {
    if (manager !== -1)
      reportingLines.push({
        manager: roleIds[manager] ?? "",
        report: roleIds[report] ?? "",
        kind: "solid",
      });
  });
  const document: ChartDocument = {
    format: CHART_FORMAT,
    name,
    roles,
    reportingLines,
    responsibilities: [],
    assignments: [],
  };
  return finish(
    document,
    { ...noCounts(roles.length), reportingLines: reportingLines.length },
    problems,
  );
}

function noCounts(roles: number) {
  return { roles, reportingLines: 0, responsibilities: 0, assignments: 0 };
}

function columnHeaders(columns: OrgColumns) {
  return { id: columns.id?.header ?? null, email: columns.email?.header ?? null };
}

function describeHeaders(cells: readonly string[]): string {
  const named = cells.map((cell) => cell.trim()).filter((cell) => cell !== "");
  return named.length === 0 ? "no column names" : named.map((cell) => `"${cell}"`).join(", ");
}

/** One problem per cycle, on the line of its first row, naming every line in it. */
function reportCycles(
  rows: readonly OrgRow[],
  managers: number[],
  columns: OrgColumns,
  problems: ImportProblem[],
): void {
  for (const cycle of findCycles(managers)) {
    const members = cycle.flatMap((position) => rows[position] ?? []);
    const [first] = members;
    if (first === undefined) continue;
    const chain = [...members, first].map(rowLabel);
    const story = chain
      .slice(1)
      .map((label, step) => `${step === 0 ? "reports to" : "who reports to"} ${label}`)
      .join(", ");
    problems.push({
      line: first.line,
      column: first.manager?.column ?? columns.manager?.header ?? null,
      message: `reporting cycle through lines ${listNumbers(members.map((row) => row.line))}: ${chain[0]} ${story}`,
    });
  }
}

/**
 * Role ids: the file's ID where given (ids it repeats are reported elsewhere and get a
 * suffix here), else a slug of the name or, for a vacant role, the title; unique, with
 * "-2", "-3"… for repeats.
 */
function assignRoleIds(rows: readonly OrgRow[]): string[] {
  const allocator = createIdAllocator();
  const ids: (string | undefined)[] = rows.map(() => undefined);
  const given = new Set<string>();
  rows.forEach((row, position) => {
    if (row.id === "" || given.has(row.id)) return;
    given.add(row.id);
    allocator.reserve(row.id);
    ids[position] = row.id;
  });
  return rows.map(
    (row, position) =>
      ids[position] ?? allocator.allocate(slugify(row.id || row.name || row.title, "role")),
  );
}
