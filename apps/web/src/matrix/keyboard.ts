/**
 * Keyboard movement in the matrix grid, as a pure function of the key and the grid's size.
 * Column -1 is the row header (the responsibility's name); 0… are the role columns.
 */
export interface GridPosition {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
  /** Rows moved by Page Up / Page Down. */
  pageRows: number;
}

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Where a navigation key moves the focus, or null when the key is not a navigation key. */
export function moveFocus(event: KeyInput, at: GridPosition, size: GridSize): GridPosition | null {
  if (event.altKey || size.rows === 0) return null;
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const ctrl = event.ctrlKey === true || event.metaKey === true;
  const to = (row: number, col: number) => ({
    row: clamp(row, 0, lastRow),
    col: clamp(col, -1, Math.max(-1, lastCol)),
  });
  switch (event.key) {
    case "ArrowUp":
      return to(ctrl ? 0 : at.row - 1, at.col);
    case "ArrowDown":
      return to(ctrl ? lastRow : at.row + 1, at.col);
    case "ArrowLeft":
      return to(at.row, ctrl ? -1 : at.col - 1);
    case "ArrowRight":
      return to(at.row, ctrl ? lastCol : at.col + 1);
    case "Home":
      return ctrl ? to(0, -1) : to(at.row, -1);
    case "End":
      return ctrl ? to(lastRow, lastCol) : to(at.row, lastCol);
    case "PageUp":
      return to(at.row - size.pageRows, at.col);
    case "PageDown":
      return to(at.row + size.pageRows, at.col);
    default:
      return null;
  }
}

/** A plain key press (no Ctrl, Cmd or Alt), so shortcuts like Ctrl+Z pass through. */
export const isPlainKey = (event: KeyInput) =>
  event.ctrlKey !== true && event.metaKey !== true && event.altKey !== true;
