import type { ChartDocument, RaciCode, Responsibility, Role } from "@rolemap/contract";
import { DISPLAY_ORDER } from "./code-styles";

/**
 * The responsibility matrix as the editor shows it: one row per responsibility, one column
 * per role, both in document order; each cell holds its codes in display order, each once.
 */
export interface MatrixRow {
  responsibility: Responsibility;
  /** `cells[i]` belongs to `roles[i]` of the grid. */
  cells: RaciCode[][];
}

export interface MatrixGrid {
  roles: Role[];
  rows: MatrixRow[];
}

const RANK = new Map(DISPLAY_ORDER.map((code, rank) => [code, rank]));

export function buildMatrixGrid(document: ChartDocument): MatrixGrid {
  const column = new Map(document.roles.map((role, index) => [role.id, index]));
  const rowOf = new Map<string, MatrixRow>();
  const rows = document.responsibilities.map((responsibility) => {
    const row: MatrixRow = { responsibility, cells: document.roles.map(() => []) };
    rowOf.set(responsibility.id, row);
    return row;
  });
  for (const { role, responsibility, code } of document.assignments) {
    const cell = rowOf.get(responsibility)?.cells[column.get(role) ?? -1];
    // A valid document has no dangling references; skipping keeps a bad one exportable.
    if (cell !== undefined && !cell.includes(code)) cell.push(code);
  }
  for (const row of rows)
    for (const cell of row.cells) cell.sort((a, b) => (RANK.get(a) ?? 0) - (RANK.get(b) ?? 0));
  return { roles: document.roles, rows };
}
