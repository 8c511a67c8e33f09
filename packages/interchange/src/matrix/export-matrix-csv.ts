import type { ChartDocument, RaciCode } from "@rolemap/contract";
import { writeCsv } from "../csv/write-csv";
import { escapeSpreadsheetText } from "../text/spreadsheet-text";
import { formatRaciCell } from "./raci-cell";
import { roleColumnLabels } from "./role-labels";

export const RESPONSIBILITY_HEADER = "Responsibility";
export const CATEGORY_HEADER = "Category";

/**
 * The RACI matrix as CSV: a row per responsibility (in the chart's order) with its
 * category, a column per role headed by `roleColumnLabels`, codes joined as "A/R".
 * Every text cell is guarded against formula injection. `importMatrixCsv` reads it back,
 * into the same chart or as a new one, to the same matrix.
 */
export function exportMatrixCsv(document: ChartDocument): string {
  const roleColumn = new Map(document.roles.map((role, column) => [role.id, column]));
  // Only the cells that hold codes: most of a large matrix is empty.
  const filled = new Map<string, Map<number, RaciCode[]>>();
  for (const assignment of document.assignments) {
    const column = roleColumn.get(assignment.role);
    if (column === undefined) continue;
    let row = filled.get(assignment.responsibility);
    if (row === undefined) {
      row = new Map();
      filled.set(assignment.responsibility, row);
    }
    row.set(column, [...(row.get(column) ?? []), assignment.code]);
  }
  const header = [RESPONSIBILITY_HEADER, CATEGORY_HEADER, ...roleColumnLabels(document.roles)];
  const rows = document.responsibilities.map((responsibility) => {
    const cells = [responsibility.name, responsibility.category ?? ""].map(escapeSpreadsheetText);
    const codes: string[] = new Array(document.roles.length).fill("");
    for (const [column, present] of filled.get(responsibility.id) ?? [])
      codes[column] = formatRaciCell(present);
    return [...cells, ...codes];
  });
  return writeCsv([header.map(escapeSpreadsheetText), ...rows]);
}
