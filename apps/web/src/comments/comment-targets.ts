import type { ChartDocument, CommentTarget } from "@rolemap/contract";
import type { Selection } from "../editor";

/**
 * A comment's target as one string, to count and look up comments by: `chart`, `role:cto`,
 * `row:budget`, `cell:cto budget` (ids cannot hold a space).
 */
export type TargetKey = string;

export const CHART_KEY: TargetKey = "chart";
export const roleKey = (role: string): TargetKey => `role:${role}`;
export const rowKey = (responsibility: string): TargetKey => `row:${responsibility}`;
export const cellKey = (role: string, responsibility: string): TargetKey =>
  `cell:${role} ${responsibility}`;

export function targetKey(target: CommentTarget): TargetKey {
  if ("chart" in target) return CHART_KEY;
  if ("role" in target && "responsibility" in target)
    return cellKey(target.role, target.responsibility);
  if ("role" in target) return roleKey(target.role);
  return rowKey(target.responsibility);
}

/**
 * The target a selection names: one role on the canvas, one row, or one matrix cell (a role
 * and a row chosen in the matrix); null for nothing or several things (the panel shows all).
 */
export function targetOfSelection(selection: Selection): CommentTarget | null {
  const [role, ...moreRoles] = selection.roles;
  const [row, ...moreRows] = selection.responsibilities;
  if (moreRoles.length > 0 || moreRows.length > 0) return null;
  if (role !== undefined && row !== undefined)
    return selection.origin?.startsWith("matrix") ? { role, responsibility: row } : null;
  if (role !== undefined) return { role };
  if (row !== undefined) return { responsibility: row };
  return null;
}

/** The selection that shows a target: what clicking a comment marker selects. */
export function selectionOfTarget(target: CommentTarget): {
  roles: string[];
  responsibilities: string[];
} {
  if ("chart" in target) return { roles: [], responsibilities: [] };
  return {
    roles: "role" in target ? [target.role] : [],
    responsibilities: "responsibility" in target ? [target.responsibility] : [],
  };
}

/** What a target is called now, and whether its role or row has been removed since. */
export interface TargetName {
  /** "CTO", "Budget", "CTO · Budget", "the chart"; "a removed role" / "a removed row". */
  name: string;
  isRemoved: boolean;
}

export function describeTarget(target: CommentTarget, document: ChartDocument): TargetName {
  if ("chart" in target) return { name: "the chart", isRemoved: false };
  const role =
    "role" in target ? document.roles.find((each) => each.id === target.role) : undefined;
  const row =
    "responsibility" in target
      ? document.responsibilities.find((each) => each.id === target.responsibility)
      : undefined;
  if ("role" in target && role === undefined) return { name: "a removed role", isRemoved: true };
  if ("responsibility" in target && row === undefined)
    return { name: "a removed row", isRemoved: true };
  const name =
    role !== undefined && row !== undefined
      ? `${role.title} · ${row.name}`
      : (role?.title ?? row?.name ?? "");
  return { name, isRemoved: false };
}
