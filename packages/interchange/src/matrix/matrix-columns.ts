import type { ImportProblem, Role } from "@rolemap/contract";
import { LIMITS } from "@rolemap/contract/constants";
import type { CsvRecord } from "../csv/read-csv";
import { cellText, headerKey, matchKey, quote } from "../text/cells";
import { checkLength } from "../text/limits";
import { holderName, roleColumnLabels } from "./role-labels";

/** A role column of a matrix file. */
export interface RoleColumn {
  index: number;
  /** The header, cleaned: a new role's title, or the label matched to a chart's role. */
  label: string;
  /** The chart's role it names (merging), or undefined for a role to create. */
  roleId?: string;
}

export interface MatrixColumns {
  /** The first column's header, for problems in it (null when the file leaves it empty). */
  responsibilityHeader: string | null;
  category?: number;
  roles: RoleColumn[];
  /** Columns without a header: their cells must stay empty. */
  unnamed: number[];
}

/** The optional column between the responsibility and the first role, as `headerKey` gives it. */
const CATEGORY_KEY = "category";

/**
 * Splits a matrix header into the responsibility column, an optional Category column
 * right after it, and the role columns. Merging into a chart, each role header must name
 * one of its roles (see `createRoleResolver`); for a new chart each becomes a vacant role,
 * so titles must not repeat.
 */
export function readMatrixHeader(
  header: CsvRecord,
  into: readonly Role[] | undefined,
  problems: ImportProblem[],
): MatrixColumns {
  const cells = header.cells.map(cellText);
  const columns: MatrixColumns = {
    responsibilityHeader: cells[0] || null,
    roles: [],
    unnamed: [],
  };
  let index = 1;
  if (headerKey(cells[1] ?? "") === CATEGORY_KEY) {
    columns.category = 1;
    index = 2;
  }
  const resolve = into === undefined ? undefined : createRoleResolver(into);
  const firstColumn = new Map<string, RoleColumn>();
  const roleStart = index;
  for (; index < cells.length; index += 1) {
    const label = cells[index] ?? "";
    if (label === "") {
      columns.unnamed.push(index);
      continue;
    }
    const where = { line: header.line, column: label };
    const column: RoleColumn = { index, label };
    if (resolve === undefined) {
      checkLength(label, LIMITS.titleLength, "the role title", where, problems);
    } else {
      const resolved = resolve(label);
      if (typeof resolved !== "string") {
        problems.push({ ...where, message: resolved.problem });
        continue;
      }
      column.roleId = resolved;
    }
    const key = column.roleId ?? matchKey(label);
    const first = firstColumn.get(key);
    if (first !== undefined) {
      problems.push({
        ...where,
        message: `${quote(label)} is the same role as the column ${quote(first.label)}; each role may have one column`,
      });
      continue;
    }
    firstColumn.set(key, column);
    columns.roles.push(column);
  }
  if (columns.unnamed.length === cells.length - roleStart)
    problems.push({
      line: header.line,
      column: null,
      message:
        "the header row names no roles: after the responsibility column (and an optional Category column) each column is headed by a role title",
    });
  return columns;
}

/**
 * Finds the chart's role a column header names: first by the labels `exportMatrixCsv`
 * writes, then by title or "Title (Holder)"/"Title (vacant)", always without case or
 * extra spaces. Returns the role id, or a problem when none or several roles match.
 */
export function createRoleResolver(roles: readonly Role[]) {
  const byLabel = new Map<string, string>();
  roleColumnLabels(roles).forEach((label, position) => {
    const role = roles[position];
    if (role !== undefined) byLabel.set(matchKey(label), role.id);
  });
  const byAlias = new Map<string, Role[]>();
  const addAlias = (alias: string, role: Role) => {
    const key = matchKey(alias);
    const list = byAlias.get(key) ?? [];
    if (!list.includes(role)) list.push(role);
    byAlias.set(key, list);
  };
  for (const role of roles) {
    addAlias(role.title, role);
    addAlias(`${role.title} (${holderName(role) ?? "vacant"})`, role);
  }
  return (label: string): string | { problem: string } => {
    const key = matchKey(label);
    const labelled = byLabel.get(key);
    if (labelled !== undefined) return labelled;
    const candidates = byAlias.get(key) ?? [];
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) return only.id;
    if (candidates.length === 0)
      return { problem: `no role of the chart is titled ${quote(label)}` };
    const names = candidates.map((role) => `${role.title} (${holderName(role) ?? "vacant"})`);
    return {
      problem: `${quote(label)} matches ${candidates.length} roles of the chart (${names.join(", ")}); head the column "Title (Holder)" to choose one`,
    };
  };
}
