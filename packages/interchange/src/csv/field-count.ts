import type { ImportProblem } from "@rolemap/contract";
import type { CsvRecord } from "./read-csv";

/**
 * Checks a record's number of fields against the header's. Empty header cells at the end
 * (a trailing separator) demand no field, and empty fields past the last column are
 * tolerated, since spreadsheets write both. Returns false when the record has values past
 * the last column: then its cells cannot be trusted to line up with the header.
 */
export function checkFieldCount(
  record: CsvRecord,
  header: CsvRecord,
  problems: ImportProblem[],
): boolean {
  const columns = lastNonEmpty(header.cells) + 1;
  const fields = record.cells.length;
  if (fields < columns) {
    problems.push({
      line: record.line,
      column: null,
      message: `the row has ${fields} field${fields === 1 ? "" : "s"}, but the header has ${columns} columns`,
    });
    return true;
  }
  if (lastNonEmpty(record.cells) >= Math.max(columns, header.cells.length)) {
    problems.push({
      line: record.line,
      column: null,
      message: `the row has ${fields} fields, but the header has ${columns} columns (is there a separator inside a value without quotes?)`,
    });
    return false;
  }
  return true;
}

function lastNonEmpty(cells: readonly string[]): number {
  for (let index = cells.length - 1; index >= 0; index -= 1)
    if ((cells[index] ?? "").trim() !== "") return index;
  return -1;
}
