import type { Role } from "@rolemap/contract";
import { useMemo } from "react";
import {
  type ChartEditor,
  selectAssignments,
  selectFindings,
  selectResponsibilities,
  selectRoles,
  useEditorSelector,
} from "../editor";
import { buildMatrixModel, type MatrixModel } from "./matrix-model";

/**
 * Equal when the roles show the same columns: moving a role on the canvas (a new position)
 * does not rebuild or re-render the matrix.
 */
export function sameColumns(a: readonly Role[], b: readonly Role[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as Role;
    const y = b[i] as Role;
    if (
      x !== y &&
      (x.id !== y.id ||
        x.title !== y.title ||
        x.holder !== y.holder ||
        x.department !== y.department)
    )
      return false;
  }
  return true;
}

/** The matrix model of the editor's chart, rebuilt only when what it shows changes. */
export function useMatrixModel(editor: ChartEditor): MatrixModel {
  const roles = useEditorSelector(editor, selectRoles, sameColumns);
  const responsibilities = useEditorSelector(editor, selectResponsibilities);
  const assignments = useEditorSelector(editor, selectAssignments);
  const findings = useEditorSelector(editor, selectFindings);
  return useMemo(
    () => buildMatrixModel({ roles, responsibilities, assignments }, findings),
    [roles, responsibilities, assignments, findings],
  );
}
