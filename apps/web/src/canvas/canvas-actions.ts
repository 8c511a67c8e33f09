import type { LineKind, ReportingLine } from "@rolemap/contract";
import { createContext, useContext } from "react";
import type { RoleDraft } from "./canvas-operations";

/**
 * What cards and lines can ask the canvas to do. The context value is created once per
 * canvas and never changes, so providing it re-renders nothing; what a card shows comes
 * only from its node data.
 */
export interface CanvasActions {
  startEdit(roleId: string): void;
  /** Saves the draft (null: cancel) and gives the keyboard focus back to the card. */
  finishEdit(roleId: string, draft: RoleDraft | null): void;
  toggleCollapse(roleId: string): void;
  setLineKind(line: ReportingLine, kind: LineKind): void;
  removeLine(line: ReportingLine): void;
}

const noop = () => {};

export const CanvasActionsContext = createContext<CanvasActions>({
  startEdit: noop,
  finishEdit: noop,
  toggleCollapse: noop,
  setLineKind: noop,
  removeLine: noop,
});

export const useCanvasActions = () => useContext(CanvasActionsContext);
