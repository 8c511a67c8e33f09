import type { Operation, RaciCode } from "@rolemap/contract";
import { formatCodes, sortCodes } from "./codes";

export interface CellEdit {
  operations: Operation[];
  /** For the undo history: "Set CIO on Cybersecurity to A/R". */
  label: string;
}

/**
 * The fewest operations that turn a cell's codes into `next`: a code that goes and one
 * that comes pair up as one `updateAssignment` (R → A), the rest are removed or added.
 * Empty when nothing changes. Pure.
 */
export function cellOperations(
  roleId: string,
  responsibilityId: string,
  current: readonly RaciCode[],
  next: readonly RaciCode[],
): Operation[] {
  const wanted = sortCodes(next);
  const removed = sortCodes(current).filter((code) => !wanted.includes(code));
  const added = wanted.filter((code) => !current.includes(code));
  const assignment = (code: RaciCode) => ({ role: roleId, responsibility: responsibilityId, code });
  const operations: Operation[] = [];
  const pairs = Math.min(removed.length, added.length);
  for (let i = 0; i < pairs; i += 1)
    operations.push({
      op: "updateAssignment",
      assignment: assignment(removed[i] as RaciCode),
      code: added[i] as RaciCode,
    });
  for (const code of removed.slice(pairs))
    operations.push({ op: "removeAssignment", assignment: assignment(code) });
  for (const code of added.slice(pairs))
    operations.push({ op: "addAssignment", assignment: assignment(code) });
  return operations;
}

/** The edit that sets a cell (named by titles for the history label), or null for no change. */
export function setCellEdit(
  cell: { roleId: string; roleTitle: string; responsibilityId: string; responsibilityName: string },
  current: readonly RaciCode[],
  next: readonly RaciCode[],
): CellEdit | null {
  const operations = cellOperations(cell.roleId, cell.responsibilityId, current, next);
  if (operations.length === 0) return null;
  const where = `${cell.roleTitle} on ${cell.responsibilityName}`;
  const label = next.length === 0 ? `Clear ${where}` : `Set ${where} to ${formatCodes(next)}`;
  return { operations, label };
}
