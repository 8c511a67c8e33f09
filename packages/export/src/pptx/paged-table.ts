import type PptxGenJS from "pptxgenjs";
import { CELL_MARGIN, DECK_FONT, TABLE_FRAME } from "./slide-layout";
import { addSlideTitle } from "./slide-title";

const INK = "111827";
const HEADER_FILL = "F3F4F6";
const GRID_LINE: PptxGenJS.BorderProps = { type: "solid", pt: 0.5, color: "D1D5DB" };

export interface TableRowPlan {
  cells: PptxGenJS.TableRow;
  /** Inches, estimated from how its texts wrap. */
  height: number;
}

export interface PagedTable {
  /** The slide title, given the 0-based range of rows the slide shows and the row count. */
  title(start: number, end: number, total: number): string;
  columnWidths: number[];
  header: PptxGenJS.TableRow;
  headerHeight: number;
  rows: TableRowPlan[];
}

/**
 * A table over as many slides as its rows need (the header repeated on each), rows packed
 * greedily by their estimated height; a row taller than a slide gets one of its own.
 * Returns the number of slides added.
 */
export function addPagedTable(deck: PptxGenJS, table: PagedTable): number {
  const { rows } = table;
  let slides = 0;
  let start = 0;
  do {
    let end = start;
    let used = table.headerHeight;
    while (
      end < rows.length &&
      (end === start || used + (rows[end]?.height ?? 0) <= TABLE_FRAME.height)
    )
      used += rows[end++]?.height ?? 0;
    const slide = deck.addSlide();
    slides++;
    addSlideTitle(slide, table.title(start, end, rows.length));
    const header = table.header.map((cell) => ({
      ...cell,
      options: { bold: true, fill: { color: HEADER_FILL }, ...cell.options },
    }));
    slide.addTable([header, ...rows.slice(start, end).map((row) => row.cells)], {
      x: TABLE_FRAME.x,
      y: TABLE_FRAME.y,
      colW: table.columnWidths,
      rowH: [table.headerHeight, ...rows.slice(start, end).map((row) => row.height)],
      fontFace: DECK_FONT,
      color: INK,
      margin: CELL_MARGIN,
      border: GRID_LINE,
      valign: "top",
    });
    start = end;
  } while (start < rows.length);
  return slides;
}

/** "1–12 of 100" or "all 7": which rows a slide shows. */
export const rowRange = (start: number, end: number, total: number, what: string) =>
  end - start === total ? `all ${total} ${what}` : `${what} ${start + 1}–${end} of ${total}`;
