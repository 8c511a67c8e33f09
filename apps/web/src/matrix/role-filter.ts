import type { MatrixColumn } from "./matrix-model";

/**
 * Which roles get a column. A chart of a thousand roles cannot show them all usefully, so
 * large charts start with the roles that matter to the matrix: those holding a code, those
 * selected elsewhere (canvas, findings) and those edited here in this session.
 */
export type RoleScope = "all" | "involved";

export interface RoleFilter {
  scope: RoleScope;
  /** Words matched against title, holder and department (all must match, any case). */
  text: string;
}

/** Charts with more roles than this start with the "involved" scope. */
export const LARGE_CHART_ROLES = 40;

export function defaultRoleFilter(roleCount: number): RoleFilter {
  return { scope: roleCount > LARGE_CHART_ROLES ? "involved" : "all", text: "" };
}

export interface ColumnContext {
  assignedRoles: ReadonlySet<string>;
  /** Roles always shown in the "involved" scope (selected, recently edited). */
  pinnedRoles: ReadonlySet<string>;
}

const words = (text: string) =>
  text
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "");

/** The columns the filter lets through, in document order. Pure. */
export function filterColumns(
  columns: readonly MatrixColumn[],
  filter: RoleFilter,
  context: ColumnContext,
): readonly MatrixColumn[] {
  const wanted = words(filter.text);
  if (filter.scope === "all" && wanted.length === 0) return columns;
  return columns.filter((column) => {
    if (
      filter.scope === "involved" &&
      !context.assignedRoles.has(column.id) &&
      !context.pinnedRoles.has(column.id)
    )
      return false;
    if (wanted.length === 0) return true;
    const haystack = [column.title, column.holder ?? "vacant", column.department ?? ""]
      .join(" ")
      .toLocaleLowerCase();
    return wanted.every((word) => haystack.includes(word));
  });
}
