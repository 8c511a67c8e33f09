import type { Role } from "@rolemap/contract";
import type { MatrixGrid, MatrixRow } from "../matrix/matrix-grid";
import {
  CELL_MARGIN,
  MATRIX_TYPE,
  MAX_ROLE_COLUMN,
  MIN_ROLE_COLUMN,
  RESPONSIBILITY_COLUMN,
  TABLE_FRAME,
} from "./slide-layout";

/**
 * How the matrix is split over slides: roles in even column groups that fit the slide's
 * width; within each group, responsibilities packed greedily into rows that fit its
 * height, from an estimate of how many lines each name wraps to. All ranges are
 * half-open [start, end) indexes into the grid.
 */
export interface MatrixSlidePlan {
  roles: { start: number; end: number };
  rows: { start: number; end: number };
  /** Inches: the responsibility column, then one width per role of the slide. */
  columnWidths: number[];
  /** Inches: the header row, then one height per responsibility of the slide. */
  rowHeights: number[];
}

/** Average advance of a character in Arial, as a fraction of the font size. */
const CHAR_WIDTH_EM = 0.52;
const LINE_HEIGHT_EM = 1.2;
const POINTS_PER_INCH = 72;

/** Lines a text wraps to in a column of `width` inches at `size` pt (greedy, by words). */
export function estimateLines(text: string, width: number, size: number): number {
  const perLine = Math.max(
    1,
    Math.floor(((width - 2 * CELL_MARGIN) * POINTS_PER_INCH) / (size * CHAR_WIDTH_EM)),
  );
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const length = [...word].length;
    if (length === 0) continue;
    if (used > 0 && used + 1 + length <= perLine) {
      used += 1 + length;
      continue;
    }
    if (used > 0) lines++;
    // A word longer than the line breaks over several.
    lines += Math.ceil(length / perLine) - 1;
    used = length - (Math.ceil(length / perLine) - 1) * perLine;
  }
  return lines;
}

export const linesHeight = (lines: number, size: number) =>
  (lines * size * LINE_HEIGHT_EM) / POINTS_PER_INCH;

export function headerHeight(roles: readonly Role[], width: number): number {
  let tallest = 0;
  for (const role of roles) {
    const holder = role.holder == null || role.holder.trim() === "" ? "Vacant" : role.holder;
    tallest = Math.max(
      tallest,
      linesHeight(estimateLines(role.title, width, MATRIX_TYPE.titleSize), MATRIX_TYPE.titleSize) +
        linesHeight(estimateLines(holder, width, MATRIX_TYPE.holderSize), MATRIX_TYPE.holderSize),
    );
  }
  return tallest + 2 * CELL_MARGIN;
}

export function rowHeight(row: MatrixRow): number {
  const { name, category } = row.responsibility;
  const width = RESPONSIBILITY_COLUMN;
  let height = linesHeight(estimateLines(name, width, MATRIX_TYPE.nameSize), MATRIX_TYPE.nameSize);
  if (category !== undefined && category.trim() !== "")
    height += linesHeight(
      estimateLines(category, width, MATRIX_TYPE.categorySize),
      MATRIX_TYPE.categorySize,
    );
  return Math.max(height, linesHeight(1, MATRIX_TYPE.codeSize)) + 2 * CELL_MARGIN;
}

/** Role columns per slide: as many as fit at the minimum width, spread evenly. */
function roleGroups(count: number): { start: number; end: number }[] {
  const perSlide = Math.max(
    1,
    Math.floor((TABLE_FRAME.width - RESPONSIBILITY_COLUMN) / MIN_ROLE_COLUMN),
  );
  const groups = Math.max(1, Math.ceil(count / perSlide));
  const base = Math.floor(count / groups);
  const extra = count % groups;
  const result: { start: number; end: number }[] = [];
  for (let group = 0, start = 0; group < groups; group++) {
    const end = start + base + (group < extra ? 1 : 0);
    result.push({ start, end });
    start = end;
  }
  return result;
}

export function planMatrixSlides(grid: MatrixGrid): MatrixSlidePlan[] {
  const heights = grid.rows.map(rowHeight);
  const plans: MatrixSlidePlan[] = [];
  for (const roles of roleGroups(grid.roles.length)) {
    const count = roles.end - roles.start;
    const roleWidth =
      count === 0
        ? MIN_ROLE_COLUMN
        : Math.min(MAX_ROLE_COLUMN, (TABLE_FRAME.width - RESPONSIBILITY_COLUMN) / count);
    const columnWidths = [RESPONSIBILITY_COLUMN, ...Array<number>(count).fill(roleWidth)];
    const header = headerHeight(grid.roles.slice(roles.start, roles.end), roleWidth);
    let start = 0;
    do {
      // Always at least one row per slide, even one taller than the slide (it overflows).
      let end = start + 1;
      let used = header + (heights[start] ?? 0);
      while (end < heights.length && used + (heights[end] ?? 0) <= TABLE_FRAME.height)
        used += heights[end++] ?? 0;
      end = Math.min(end, heights.length);
      plans.push({
        roles,
        rows: { start, end },
        columnWidths,
        rowHeights: [header, ...heights.slice(start, end)],
      });
      start = end;
    } while (start < heights.length);
  }
  return plans;
}
