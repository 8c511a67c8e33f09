import type { ImportProblem } from "@rolemap/contract";
import { LIMITS } from "@rolemap/contract/constants";
import { checkFieldCount } from "../csv/field-count";
import type { CsvTable } from "../csv/read-csv";
import { cellText } from "../text/cells";
import { checkLength } from "../text/limits";
import type { OrgColumns, OrgField } from "./org-columns";

/** How a row names its manager: by ID or email only, or by a value tried as ID, email, name. */
export interface ManagerReference {
  kind: "id" | "email" | "any";
  value: string;
  /** The manager column's header as the file spells it. */
  column: string;
}

/** One person or position of the org list, its cells cleaned. */
export interface OrgRow {
  line: number;
  /** The holder; "" for a vacant role. */
  name: string;
  title: string;
  /** From the ID column; "" when the file has none or the cell is empty. */
  id: string;
  email: string;
  department: string;
  manager: ManagerReference | null;
}

/**
 * Reads every data record into a row and reports the problems of a row on its own
 * (field count, empty title, values too long). A row whose values run past the last
 * column is kept for matching, so no one reporting to it is told their manager is
 * unknown, but its manager is not resolved, since its cells may be shifted.
 */
export function readOrgRows(
  table: CsvTable,
  columns: OrgColumns,
  problems: ImportProblem[],
): OrgRow[] {
  return table.records.map((record) => {
    const aligned = checkFieldCount(record, table.header, problems);
    const get = (field: OrgField) => {
      const column = columns[field];
      return column === undefined ? "" : cellText(record.cells[column.index]);
    };
    const row: OrgRow = {
      line: record.line,
      name: get("name") || [get("firstName"), get("lastName")].filter(Boolean).join(" "),
      title: get("title"),
      id: get("id"),
      email: get("email"),
      department: get("department"),
      manager: aligned ? managerReference(columns, get) : null,
    };
    if (aligned) checkRow(row, columns, problems);
    return row;
  });
}

/** The first filled manager column, in the order ID, email, any. */
function managerReference(
  columns: OrgColumns,
  get: (field: OrgField) => string,
): ManagerReference | null {
  const candidates = [
    ["managerId", "id"],
    ["managerEmail", "email"],
    ["manager", "any"],
  ] as const;
  for (const [field, kind] of candidates) {
    const column = columns[field];
    const value = get(field);
    if (column !== undefined && value !== "") return { kind, value, column: column.header };
  }
  return null;
}

function checkRow(row: OrgRow, columns: OrgColumns, problems: ImportProblem[]): void {
  const titleColumn = columns.title?.header ?? null;
  if (row.title === "")
    problems.push({ line: row.line, column: titleColumn, message: "the title is empty" });
  checkLength(
    row.title,
    LIMITS.titleLength,
    "the title",
    { line: row.line, column: titleColumn },
    problems,
  );
  if (columns.id !== undefined)
    checkLength(
      row.id,
      LIMITS.idLength,
      "the ID",
      { line: row.line, column: columns.id.header },
      problems,
    );
}
