import {
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Selection } from "../editor";
import type { GridPosition } from "./keyboard";
import type { MatrixColumn, MatrixRow } from "./matrix-model";
import { GRID_SIZES as S } from "./sizes";
import type { Viewport } from "./use-grid-viewport";
import { scrollToReveal } from "./windowing";

/** The selection origin of the matrix: selections made here do not scroll it. */
export const MATRIX_ORIGIN = "matrix";

type Active = { rowId: string; colId: string | null };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export const posKey = (p: GridPosition) => `${p.row}:${p.col}`;

export interface ActiveCellOptions {
  rows: readonly MatrixRow[];
  columns: readonly MatrixColumn[];
  grid: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
  viewport: Viewport;
  scrollTo(position: { top?: number | undefined; left?: number | undefined }): void;
  selection: Selection;
}

/**
 * The grid's active cell (the one focusable cell of the roving tabindex), kept by ids so
 * it follows its row when rows move, and by index when its row or column goes. After
 * `activate(…, focus)` or `focusLater()` the next render scrolls the cell into view and
 * focuses it. Selections made elsewhere scroll their first row and role into view.
 */
export function useActiveCell({
  rows,
  columns,
  grid,
  scroller,
  viewport,
  scrollTo,
  selection,
}: ActiveCellOptions) {
  const [active, setActive] = useState<Active | null>(null);
  const focusPending = useRef(false);
  const lastPos = useRef<GridPosition>({ row: 0, col: 0 });

  const rowIndex = useMemo(() => new Map(rows.map((row, i) => [row.id, i])), [rows]);
  const colIndex = useMemo(() => new Map(columns.map((c, i) => [c.id, i])), [columns]);

  const fallback = lastPos.current;
  const row = active === null ? fallback.row : (rowIndex.get(active.rowId) ?? fallback.row);
  const col =
    active === null
      ? fallback.col
      : active.colId === null
        ? -1
        : (colIndex.get(active.colId) ?? fallback.col);
  const pos: GridPosition = {
    row: clamp(row, 0, Math.max(0, rows.length - 1)),
    col: clamp(col, -1, columns.length - 1),
  };
  lastPos.current = pos;

  const activate = useCallback(
    (next: GridPosition, focus = true) => {
      const target = rows[next.row];
      if (target === undefined) return;
      setActive({ rowId: target.id, colId: next.col < 0 ? null : (columns[next.col]?.id ?? null) });
      if (focus) focusPending.current = true;
    },
    [rows, columns],
  );

  /** Makes a row's header active (it stays so when the row moves). */
  const activateRow = useCallback((rowId: string, focus = true) => {
    setActive({ rowId, colId: null });
    if (focus) focusPending.current = true;
  }, []);

  const focusLater = useCallback(() => {
    focusPending.current = true;
  }, []);

  const reveal = useCallback(
    (rowAt: number | null, colAt: number | null) => {
      const element = scroller.current;
      if (element === null) return;
      const top =
        rowAt === null
          ? undefined
          : scrollToReveal(rowAt, S.row, element.scrollTop, viewport.height, S.header);
      const left =
        colAt === null || colAt < 0
          ? undefined
          : scrollToReveal(
              colAt,
              S.column,
              element.scrollLeft,
              viewport.width - S.counts,
              S.rowHeader,
            );
      scrollTo({ top, left });
    },
    [scroller, scrollTo, viewport.height, viewport.width],
  );

  // Scroll to the active cell and focus it once it is rendered.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    reveal(pos.row, pos.col);
    const element = grid.current?.querySelector<HTMLElement>(`[data-pos="${posKey(pos)}"]`);
    if (element === null || element === undefined) return;
    focusPending.current = false;
    element.focus({ preventScroll: true });
  });

  // Selections made elsewhere (a finding, the canvas) scroll their rows and roles into view.
  const revealed = useRef(selection);
  useEffect(() => {
    if (revealed.current === selection) return;
    revealed.current = selection;
    if (selection.origin === MATRIX_ORIGIN) return;
    const rowAt = selection.responsibilities
      .map((id) => rowIndex.get(id))
      .find((i) => i !== undefined);
    const colAt = selection.roles.map((id) => colIndex.get(id)).find((i) => i !== undefined);
    if (rowAt === undefined && colAt === undefined) return;
    reveal(rowAt ?? null, colAt ?? null);
  }, [selection, rowIndex, colIndex, reveal]);

  return { pos, rowIndex, colIndex, activate, activateRow, focusLater };
}
