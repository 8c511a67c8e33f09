import type { RaciCode } from "@rolemap/contract";
import { type RefObject, useCallback } from "react";
import type { ChartEditor } from "../editor";
import { roundMenuItems } from "../rounds/round-menu-items";
import { myRoundCodes, useSilentRound } from "../rounds/silent-round-context";
import { FocusTooltip } from "./FocusTooltip";
import type { GridPosition } from "./keyboard";
import { CellMenu, RowMenu } from "./MatrixMenus";
import type { RowField } from "./MatrixRowHeader";
import {
  cellKey,
  codesAt,
  countsOf,
  type MatrixColumn,
  type MatrixModel,
  type MatrixRow,
} from "./matrix-model";
import { RemoveRowDialog } from "./RemoveRowDialog";
import { posKey } from "./use-active-cell";

export type OpenMenu = {
  kind: "cell" | "row";
  rowId: string;
  colId: string | null;
  anchor: HTMLElement;
  /** The grid's scroll position when the menu opened. */
  scrolledTo: { top: number; left: number };
};

type CloseReason = "escape" | "outside" | "tab";

export interface MatrixOverlaysProps {
  editor: ChartEditor;
  model: MatrixModel;
  columns: readonly MatrixColumn[];
  grid: RefObject<HTMLElement | null>;
  active: GridPosition;
  showTooltip: boolean;
  /** Changes when the grid scrolls or resizes (the tooltip follows its cell). */
  scrollKey: string;
  menu: OpenMenu | null;
  removingRowId: string | null;
  /** A code toggled in a cell's menu; null clears the cell. */
  onToggleCode(rowId: string, colId: string, code: RaciCode | null): void;
  onCloseMenu(reason: CloseReason): void;
  onStartEditing(rowId: string, field: RowField): void;
  onMoveRow(rowId: string, direction: -1 | 1): void;
  onAskRemove(rowId: string): void;
  onRemoveDone(removed: boolean, row: MatrixRow): void;
}

/** What floats over the grid: the focused cell's findings, the menus, the remove dialog. */
export function MatrixOverlays({
  editor,
  model,
  columns,
  grid,
  active,
  showTooltip,
  scrollKey,
  menu,
  removingRowId,
  onToggleCode,
  onCloseMenu,
  onStartEditing,
  onMoveRow,
  onAskRemove,
  onRemoveDone,
}: MatrixOverlaysProps) {
  const { rows } = model;
  const activeRow = rows[active.row];
  const activeColumn = active.col < 0 ? undefined : columns[active.col];
  const tooltipFindings =
    activeRow === undefined
      ? undefined
      : activeColumn === undefined
        ? model.rowFindings.get(activeRow.id)?.findings
        : model.cellFindings.get(cellKey(activeColumn.id, activeRow.id))?.findings;
  const activeKey = posKey(active);
  const findActiveElement = useCallback(
    () => grid.current?.querySelector<HTMLElement>(`[data-pos="${activeKey}"]`),
    [grid, activeKey],
  );

  const menuRow = menu === null ? undefined : rows.find((row) => row.id === menu.rowId);
  const menuColumn =
    menu?.colId == null ? undefined : columns.find((column) => column.id === menu.colId);
  const removingRow = rows.find((row) => row.id === removingRowId);
  const round = useSilentRound();
  const privateCodes =
    menuRow === undefined || menuColumn === undefined
      ? undefined
      : myRoundCodes(round, menuColumn.id, menuRow.id);

  return (
    <>
      {showTooltip && tooltipFindings !== undefined && tooltipFindings.length > 0 && (
        <FocusTooltip
          findAnchor={findActiveElement}
          findings={tooltipFindings}
          scroll={scrollKey}
        />
      )}
      {menu?.kind === "cell" && menuRow !== undefined && menuColumn !== undefined && (
        <CellMenu
          anchor={menu.anchor}
          title={`${menuColumn.title} – ${menuRow.name}${privateCodes === undefined ? "" : " (private)"}`}
          codes={privateCodes ?? codesAt(model, menuColumn.id, menuRow.id)}
          extraItems={roundMenuItems(round, menuColumn.id, menuRow.id, () => onCloseMenu("escape"))}
          onToggle={(code) => onToggleCode(menuRow.id, menuColumn.id, code)}
          onClear={() => onToggleCode(menuRow.id, menuColumn.id, null)}
          onClose={onCloseMenu}
        />
      )}
      {menu?.kind === "row" && menuRow !== undefined && (
        <RowMenu
          anchor={menu.anchor}
          row={menuRow}
          isFirst={menuRow.index === 0}
          isLast={menuRow.index === rows.length - 1}
          onRename={() => onStartEditing(menuRow.id, "name")}
          onCategorise={() => onStartEditing(menuRow.id, "category")}
          onMove={(direction) => onMoveRow(menuRow.id, direction)}
          onRemove={() => onAskRemove(menuRow.id)}
          onClose={onCloseMenu}
        />
      )}
      <RemoveRowDialog
        editor={editor}
        row={removingRow ?? null}
        assignmentCount={
          removingRow === undefined
            ? 0
            : Object.values(countsOf(model, removingRow.id)).reduce((a, b) => a + b, 0)
        }
        onDone={(removed) => {
          if (removingRow !== undefined) onRemoveDone(removed, removingRow);
        }}
      />
    </>
  );
}
