import type { RaciCode } from "@rolemap/contract";
import {
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { type ChartEditor, selectCanEdit, selectSelection, useEditorSelector } from "../editor";
import { myRoundCodes, useSilentRound } from "../rounds/silent-round-context";
import { setCellEdit } from "./cell-operations";
import { codeFromKey, toggleCode } from "./codes";
import { type GridPosition, isPlainKey, moveFocus } from "./keyboard";
import { MatrixBodyRow } from "./MatrixBodyRow";
import { MatrixHeaderRow } from "./MatrixHeaderRow";
import { MatrixOverlays, type OpenMenu } from "./MatrixOverlays";
import type { RowField } from "./MatrixRowHeader";
import { codesAt, type MatrixColumn, type MatrixModel } from "./matrix-model";
import styles from "./ResponsibilityMatrix.module.css";
import { categoriseRowEdit, moveRowEdit, renameRowEdit } from "./row-operations";
import { GRID_SIZES as S } from "./sizes";
import { MATRIX_ORIGIN, posKey, useActiveCell } from "./use-active-cell";
import { useGridViewport } from "./use-grid-viewport";
import { visibleRange } from "./windowing";

export { MATRIX_ORIGIN } from "./use-active-cell";

export interface MatrixGridProps {
  editor: ChartEditor;
  model: MatrixModel;
  /** The role columns shown (after the role filter), in document order. */
  columns: readonly MatrixColumn[];
  /** Id of the <datalist> of the chart's categories. */
  categoriesListId: string;
  /** A cell of this role was edited here (the role filter keeps showing the role). */
  onRoleEdited(roleId: string): void;
}

function positionOf(
  target: EventTarget | null,
): { pos: GridPosition; element: HTMLElement } | null {
  if (!(target instanceof Element)) return null;
  const element = target.closest<HTMLElement>("[data-pos]");
  const [row, col] = (element?.dataset.pos ?? "").split(":").map(Number);
  if (element === null || row === undefined || col === undefined || Number.isNaN(row + col))
    return null;
  return { pos: { row, col }, element };
}

const isField = (target: EventTarget | null) =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement;

/** The context-menu key or Shift+F10. */
const isMenuKey = (event: KeyboardEvent) =>
  event.key === "ContextMenu" || (event.shiftKey && event.key === "F10");

const GRID_STYLE_VARIABLES = {
  "--matrix-row-header": `${S.rowHeader}px`,
  "--matrix-column": `${S.column}px`,
  "--matrix-counts": `${S.counts}px`,
  "--matrix-header": `${S.header}px`,
  "--matrix-row": `${S.row}px`,
};

/**
 * The matrix itself: an ARIA grid with a sticky header row (roles), a sticky first column
 * (responsibilities) and a sticky last column (counts). Only the rows and columns on screen
 * are rendered. One cell is focusable at a time (roving tabindex); arrows move it.
 */
export function MatrixGrid({
  editor,
  model,
  columns,
  categoriesListId,
  onRoleEdited,
}: MatrixGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const idBase = useId();
  const { viewport, onScroll, scrollTo } = useGridViewport(scroller);
  const selection = useEditorSelector(editor, selectSelection);
  // Read-only (view or comment access): keys move and select, nothing opens or changes.
  const canEdit = useEditorSelector(editor, selectCanEdit);
  const { rows } = model;
  // While a silent round is open, its cells take my private codes, not the chart's.
  const round = useSilentRound();
  const privateCodesAt = (at: GridPosition) => {
    const row = rows[at.row];
    const column = at.col < 0 ? undefined : columns[at.col];
    return row === undefined || column === undefined
      ? undefined
      : myRoundCodes(round, column.id, row.id);
  };
  const { pos, rowIndex, colIndex, activate, activateRow, focusLater } = useActiveCell({
    rows,
    columns,
    grid,
    scroller,
    viewport,
    scrollTo,
    selection,
  });

  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [editing, setEditing] = useState<{ rowId: string; field: RowField } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [hasFocus, setHasFocus] = useState(false);

  const selectedRows = useMemo(() => new Set(selection.responsibilities), [selection]);
  const selectedRoles = useMemo(() => new Set(selection.roles), [selection]);

  const rowRange = visibleRange(viewport.top, viewport.height - S.header, S.row, rows.length, 4);
  const colRange = visibleRange(
    viewport.left,
    viewport.width - S.rowHeader,
    S.column,
    columns.length,
    2,
  );
  const visibleColumns = columns.slice(colRange.start, colRange.end);
  const isActiveRendered =
    pos.row >= rowRange.start &&
    pos.row < rowRange.end &&
    (pos.col < 0 || (pos.col >= colRange.start && pos.col < colRange.end));

  // ------------------------------------------------------------------ edits

  const setCell = (at: GridPosition, next: (codes: readonly RaciCode[]) => RaciCode[]) => {
    const row = rows[at.row];
    const column = at.col < 0 ? undefined : columns[at.col];
    if (row === undefined || column === undefined) return;
    const mine = privateCodesAt(at);
    if (mine !== undefined) {
      onRoleEdited(column.id);
      round?.setMyCodes(column.id, row.id, next(mine));
      return;
    }
    const current = codesAt(model, column.id, row.id);
    const edit = setCellEdit(
      {
        roleId: column.id,
        roleTitle: column.title,
        responsibilityId: row.id,
        responsibilityName: row.name,
      },
      current,
      next(current),
    );
    if (edit === null) return;
    onRoleEdited(column.id);
    editor.apply(edit.operations, edit.label);
  };

  const moveRow = (rowId: string, direction: -1 | 1) => {
    const edit = moveRowEdit({ responsibilities: rows }, rowId, direction);
    if (edit === null) return;
    editor.apply(edit.operations, edit.label);
    activateRow(rowId);
  };

  const startEditing = (rowId: string, field: RowField) => {
    setMenu(null);
    activateRow(rowId, false);
    setEditing({ rowId, field });
  };

  const onCommit = useCallback(
    (rowId: string, field: RowField, value: string) => {
      const row = rows.find((r) => r.id === rowId);
      setEditing(null);
      focusLater();
      if (row === undefined) return;
      const edit =
        field === "name"
          ? renameRowEdit(row, value)
          : categoriseRowEdit({ ...row, category: row.category ?? undefined }, value);
      if (edit !== null) editor.apply(edit.operations, edit.label);
    },
    [rows, editor, focusLater],
  );

  const onCancelEdit = useCallback(() => {
    setEditing(null);
    focusLater();
  }, [focusLater]);

  // ------------------------------------------------------------------ selection and menus

  const selectAt = (at: GridPosition) => {
    const row = rows[at.row];
    if (row === undefined) return;
    const column = at.col < 0 ? undefined : columns[at.col];
    editor.setSelection({
      responsibilities: [row.id],
      roles: column === undefined ? [] : [column.id],
      origin: MATRIX_ORIGIN,
    });
  };

  const openMenu = (kind: OpenMenu["kind"], at: GridPosition, anchor: HTMLElement) => {
    const row = rows[at.row];
    if (row === undefined) return;
    const colId = at.col < 0 ? null : (columns[at.col]?.id ?? null);
    const scrolledTo = {
      top: scroller.current?.scrollTop ?? 0,
      left: scroller.current?.scrollLeft ?? 0,
    };
    setMenu({ kind, rowId: row.id, colId, anchor, scrolledTo });
  };

  const closeMenu = useCallback(
    (reason: "escape" | "outside" | "tab" | "done") => {
      setMenu(null);
      if (reason === "escape" || reason === "done") focusLater();
    },
    [focusLater],
  );

  // ------------------------------------------------------------------ pointer

  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    // Focus without letting the browser scroll the cell (which would close its menu).
    if (isField(event.target) || event.button !== 0) return;
    const hit = positionOf(event.target);
    if (hit === null) return;
    event.preventDefault();
    hit.element.focus({ preventScroll: true });
    activate(hit.pos, false);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (isField(event.target)) return;
    const target = event.target as Element;
    const roleId = target.closest<HTMLElement>("[data-column-role]")?.dataset.columnRole;
    if (roleId !== undefined) {
      editor.setSelection({ roles: [roleId], responsibilities: [], origin: MATRIX_ORIGIN });
      return;
    }
    const hit = positionOf(event.target);
    if (hit === null) return;
    activate(hit.pos, false);
    selectAt(hit.pos);
    if (!canEdit && privateCodesAt(hit.pos) === undefined) return;
    const menuButton = target.closest<HTMLElement>("[data-action='row-menu']");
    if (menuButton !== null) openMenu("row", hit.pos, menuButton);
    else if (hit.pos.col >= 0) openMenu("cell", hit.pos, hit.element);
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const hit = positionOf(event.target);
    const row = hit === null ? undefined : rows[hit.pos.row];
    if (!canEdit || hit === null || row === undefined || hit.pos.col >= 0 || isField(event.target))
      return;
    const onCategory = (event.target as Element).closest(`.${styles.rowCategory}`) !== null;
    startEditing(row.id, onCategory ? "category" : "name");
  };

  // ------------------------------------------------------------------ keyboard

  /** Keys on a role cell: codes, clearing, the menu. */
  const onCellKey = (event: KeyboardEvent, at: GridPosition, anchor: HTMLElement | undefined) => {
    const code = isPlainKey(event) ? codeFromKey(event.key) : undefined;
    if (code !== undefined) setCell(at, (codes) => toggleCode(codes, code));
    else if (isPlainKey(event) && (event.key === "Backspace" || event.key === "Delete"))
      setCell(at, () => []);
    else if (
      anchor !== undefined &&
      (event.key === "Enter" || event.key === " " || event.key === "F2" || isMenuKey(event))
    ) {
      selectAt(at);
      openMenu("cell", at, anchor);
    } else return false;
    return true;
  };

  /** Keys on a row header: rename, move, remove, the actions menu. */
  const onRowKey = (event: KeyboardEvent, at: GridPosition, anchor: HTMLElement | undefined) => {
    const row = rows[at.row];
    if (row === undefined) return false;
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown"))
      moveRow(row.id, event.key === "ArrowUp" ? -1 : 1);
    else if (event.key === "Enter" || event.key === "F2") startEditing(row.id, "name");
    else if (isPlainKey(event) && (event.key === "Delete" || event.key === "Backspace"))
      setRemoving(row.id);
    else if (isMenuKey(event) || event.key === " ") {
      const button = anchor?.querySelector<HTMLElement>("[data-action='row-menu']") ?? anchor;
      if (button !== undefined) openMenu("row", at, button);
    } else return false;
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isField(event.target) || event.defaultPrevented) return;
    if (menu !== null && event.key === "Escape") {
      event.preventDefault();
      closeMenu("escape");
      return;
    }
    const hit = positionOf(event.target);
    const at = hit?.pos ?? pos;
    const pageRows = Math.max(1, Math.floor((viewport.height - S.header) / S.row) - 1);
    const next = moveFocus(event, at, { rows: rows.length, cols: columns.length, pageRows });
    if (next !== null) activate(next);
    // Read-only, Enter or Space chooses the cell or row (as a click does): its comments.
    const editsHere = canEdit || (at.col >= 0 && privateCodesAt(at) !== undefined);
    const selects = !editsHere && (event.key === "Enter" || event.key === " ");
    if (selects) selectAt(at);
    const handled =
      next !== null ||
      selects ||
      (editsHere &&
        (at.col >= 0 ? onCellKey(event, at, hit?.element) : onRowKey(event, at, hit?.element)));
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  // ------------------------------------------------------------------ render

  const leftPad = colRange.start * S.column;
  const rightPad = (columns.length - colRange.end) * S.column;
  const span = {
    visibleColumns,
    firstColumn: colRange.start,
    columnCount: columns.length,
    leftPad,
    rightPad,
  };

  return (
    <div className={styles.gridFrame}>
      <div
        className={styles.scroller}
        ref={scroller}
        onScroll={(event) => {
          // A menu stays where its cell was: close it rather than leave it floating. (Scroll
          // events arrive a frame late: compare with the position when the menu opened.)
          const { scrollTop, scrollLeft } = event.currentTarget;
          if (
            menu !== null &&
            Math.abs(scrollTop - menu.scrolledTo.top) +
              Math.abs(scrollLeft - menu.scrolledTo.left) >
              8
          )
            setMenu(null);
          onScroll();
        }}
        data-testid="matrix-scroller"
      >
        {/* biome-ignore lint/a11y/useSemanticElements: a windowed ARIA grid; a <table> cannot render only the cells on screen with sticky headers. */}
        <div
          ref={grid}
          role="grid"
          aria-label="Responsibility matrix"
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length + 2}
          aria-readonly={canEdit ? undefined : true}
          tabIndex={isActiveRendered ? -1 : 0}
          className={styles.grid}
          style={
            {
              width: S.rowHeader + columns.length * S.column + S.counts,
              minWidth: "100%",
              ...GRID_STYLE_VARIABLES,
            } as CSSProperties
          }
          onMouseDown={onMouseDown}
          onClick={onClick}
          onDoubleClick={onDoubleClick}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null))
              setHasFocus(false);
          }}
          onFocus={(event) => {
            setHasFocus(true);
            if (event.target === event.currentTarget) {
              // Tabbing in while the active cell is scrolled away: start on screen.
              activate({ row: rowRange.start, col: columns.length > 0 ? colRange.start : -1 });
              return;
            }
            const hit = positionOf(event.target);
            if (hit !== null && posKey(hit.pos) !== posKey(pos)) activate(hit.pos, false);
          }}
          data-testid="matrix-grid"
        >
          <MatrixHeaderRow model={model} selectedRoles={selectedRoles} {...span} />
          <div aria-hidden="true" style={{ height: rowRange.start * S.row }} />
          {rows.slice(rowRange.start, rowRange.end).map((row, i) => (
            <MatrixBodyRow
              key={row.id}
              model={model}
              row={row}
              rowAt={rowRange.start + i}
              active={pos}
              isSelected={selectedRows.has(row.id)}
              selectedRoles={selectedRoles}
              editing={editing?.rowId === row.id ? editing.field : null}
              categoriesListId={categoriesListId}
              idBase={idBase}
              onCommit={onCommit}
              onCancelEdit={onCancelEdit}
              canEdit={canEdit}
              {...span}
            />
          ))}
          <div aria-hidden="true" style={{ height: (rows.length - rowRange.end) * S.row }} />
        </div>
      </div>
      <MatrixOverlays
        editor={editor}
        model={model}
        columns={columns}
        grid={grid}
        active={pos}
        showTooltip={hasFocus && menu === null && editing === null}
        scrollKey={`${viewport.top}:${viewport.left}:${viewport.width}:${viewport.height}`}
        menu={menu}
        removingRowId={removing}
        onToggleCode={(rowId, colId, code) => {
          const at = { row: rowIndex.get(rowId) ?? -1, col: colIndex.get(colId) ?? -1 };
          setCell(at, (codes) => (code === null ? [] : toggleCode(codes, code)));
          closeMenu("done");
        }}
        onCloseMenu={closeMenu}
        onStartEditing={startEditing}
        onMoveRow={(rowId, direction) => {
          setMenu(null);
          moveRow(rowId, direction);
        }}
        onAskRemove={(rowId) => {
          setMenu(null);
          setRemoving(rowId);
        }}
        onRemoveDone={(removed, row) => {
          setRemoving(null);
          if (removed) {
            const next = rows[row.index + 1] ?? rows[row.index - 1];
            if (next !== undefined) activateRow(next.id, false);
          }
          focusLater();
        }}
      />
    </div>
  );
}
