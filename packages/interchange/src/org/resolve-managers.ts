import type { ImportProblem } from "@rolemap/contract";
import { listNumbers, matchKey, quote } from "../text/cells";
import type { ManagerReference, OrgRow } from "./org-rows";

/**
 * Maps from ID, email, name and title to rows, built once so resolving each manager is a
 * lookup, not a scan. IDs match exactly (trimmed), emails without case, names and titles
 * without case and repeated spaces. Names and titles may repeat; IDs and emails may not.
 */
interface PeopleIndex {
  byId: Map<string, number>;
  byEmail: Map<string, number>;
  byName: Map<string, number[]>;
  byTitle: Map<string, number[]>;
}

function indexPeople(
  rows: readonly OrgRow[],
  problems: ImportProblem[],
  columns: {
    id: string | null;
    email: string | null;
  },
): PeopleIndex {
  const index: PeopleIndex = {
    byId: new Map(),
    byEmail: new Map(),
    byName: new Map(),
    byTitle: new Map(),
  };
  const addUnique = (
    map: Map<string, number>,
    key: string,
    row: number,
    what: string,
    column: string | null,
    value: string,
  ) => {
    const first = map.get(key);
    if (first === undefined) map.set(key, row);
    else
      problems.push({
        line: rows[row]?.line ?? null,
        column,
        message: `duplicate ${what} ${quote(value)} (first on line ${rows[first]?.line})`,
      });
  };
  const addRepeatable = (map: Map<string, number[]>, key: string, row: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [row]);
    else list.push(row);
  };
  rows.forEach((row, position) => {
    if (row.id !== "") addUnique(index.byId, row.id, position, "ID", columns.id, row.id);
    if (row.email !== "")
      addUnique(
        index.byEmail,
        row.email.toLowerCase(),
        position,
        "email",
        columns.email,
        row.email,
      );
    if (row.name !== "") addRepeatable(index.byName, matchKey(row.name), position);
    if (row.title !== "") addRepeatable(index.byTitle, matchKey(row.title), position);
  });
  return index;
}

/** A lookup's outcome: one row, several (ambiguous) or none. */
type Match = { row: number } | { rows: number[]; by: "name" | "title" } | null;

function lookUp(index: PeopleIndex, reference: ManagerReference): Match {
  if (reference.kind === "id") return single(index.byId.get(reference.value));
  if (reference.kind === "email") return single(index.byEmail.get(reference.value.toLowerCase()));
  const found =
    single(index.byId.get(reference.value)) ??
    single(index.byEmail.get(reference.value.toLowerCase()));
  if (found !== null) return found;
  const key = matchKey(reference.value);
  // A title is the last resort: position lists name a vacant manager by its title.
  for (const [map, by] of [
    [index.byName, "name"],
    [index.byTitle, "title"],
  ] as const) {
    const rows = map.get(key);
    if (rows?.length === 1 && rows[0] !== undefined) return { row: rows[0] };
    if (rows !== undefined && rows.length > 1) return { rows, by };
  }
  return null;
}

const single = (row: number | undefined): Match => (row === undefined ? null : { row });

const WHAT: Record<ManagerReference["kind"], string> = {
  id: "manager ID",
  email: "manager email",
  any: "manager",
};

/** A row's label in messages: the holder, else the title, else its line. */
export function rowLabel(row: OrgRow): string {
  return row.name || row.title || `the row on line ${row.line}`;
}

/**
 * Resolves every row's manager to a row index (-1 for none or unresolved) and reports
 * duplicate IDs and emails and every manager that matches no one, several people or
 * the row itself.
 */
export function resolveManagers(
  rows: readonly OrgRow[],
  columns: { id: string | null; email: string | null },
  problems: ImportProblem[],
): number[] {
  const index = indexPeople(rows, problems, columns);
  return rows.map((row, position) => {
    const reference = row.manager;
    if (reference === null) return -1;
    const match = lookUp(index, reference);
    if (match !== null && "row" in match && match.row !== position) return match.row;
    const where = { line: row.line, column: reference.column };
    const subject = `${WHAT[reference.kind]} ${quote(reference.value)}`;
    if (match === null) {
      problems.push({ ...where, message: `${subject} matches no one` });
      return -1;
    }
    if ("rows" in match) {
      const lines = listNumbers(match.rows.map((other) => rows[other]?.line ?? 0));
      const message =
        match.by === "name"
          ? `${subject} matches ${match.rows.length} people (lines ${lines}); give a manager ID or email to tell them apart`
          : `${subject} matches no name but the titles of ${match.rows.length} roles (lines ${lines})`;
      problems.push({ ...where, message });
      return -1;
    }
    problems.push({ ...where, message: `${quote(rowLabel(row))} is their own manager` });
    return -1;
  });
}
