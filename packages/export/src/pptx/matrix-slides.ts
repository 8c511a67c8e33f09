import type { Role } from "@rolemap/contract";
import { cleanText } from "@rolemap/render";
import type PptxGenJS from "pptxgenjs";
import { CODE_STYLES, cellStyle, DISPLAY_ORDER, formatCodes } from "../matrix/code-styles";
import type { MatrixGrid, MatrixRow } from "../matrix/matrix-grid";
import { type MatrixSlidePlan, planMatrixSlides } from "./matrix-slide-plan";
import { CELL_MARGIN, DECK_FONT, LEGEND, MARGIN, MATRIX_TYPE, TABLE_FRAME } from "./slide-layout";
import { addSlideTitle } from "./slide-title";

const INK = "111827";
const MUTED = "6B7280";
const HEADER_FILL = "F3F4F6";
const GRID_LINE: PptxGenJS.BorderProps = { type: "solid", pt: 0.5, color: "D1D5DB" };

/**
 * The responsibility matrix as native PowerPoint tables (editable, searchable, crisp at
 * any zoom): one slide per part of the plan, each with a title saying which roles and
 * responsibilities it shows, and the code legend.
 */
export function addMatrixSlides(deck: PptxGenJS, grid: MatrixGrid): number {
  const plans = planMatrixSlides(grid);
  for (const plan of plans) {
    const slide = deck.addSlide();
    addSlideTitle(slide, partTitle(grid, plan, plans.length));
    if (grid.roles.length === 0 || grid.rows.length === 0) {
      slide.addText(
        grid.rows.length === 0
          ? "This chart has no responsibilities yet."
          : "This chart has no roles yet.",
        {
          x: MARGIN,
          y: TABLE_FRAME.y,
          w: TABLE_FRAME.width,
          h: 0.5,
          fontFace: DECK_FONT,
          fontSize: 14,
          color: MUTED,
        },
      );
    } else {
      slide.addTable(tableRows(grid, plan), {
        x: TABLE_FRAME.x,
        y: TABLE_FRAME.y,
        colW: plan.columnWidths,
        rowH: plan.rowHeights,
        fontFace: DECK_FONT,
        color: INK,
        margin: CELL_MARGIN,
        border: GRID_LINE,
        valign: "middle",
      });
    }
    addLegend(slide);
  }
  return plans.length;
}

function partTitle(grid: MatrixGrid, plan: MatrixSlidePlan, parts: number): string {
  if (parts === 1) return "Responsibility matrix";
  const range = (start: number, end: number, total: number, what: string) =>
    end - start === total ? `all ${what}` : `${what} ${start + 1}–${end} of ${total}`;
  return `Responsibility matrix: ${range(plan.roles.start, plan.roles.end, grid.roles.length, "roles")}, ${range(
    plan.rows.start,
    plan.rows.end,
    grid.rows.length,
    "responsibilities",
  )}`;
}

function tableRows(grid: MatrixGrid, plan: MatrixSlidePlan): PptxGenJS.TableRow[] {
  const roles = grid.roles.slice(plan.roles.start, plan.roles.end);
  const header: PptxGenJS.TableRow = [
    {
      text: "Responsibility",
      options: {
        bold: true,
        fontSize: MATRIX_TYPE.titleSize,
        fill: { color: HEADER_FILL },
        valign: "bottom",
      },
    },
    ...roles.map(roleHeader),
  ];
  const body = grid.rows
    .slice(plan.rows.start, plan.rows.end)
    .map((row) => bodyRow(row, plan.roles.start, plan.roles.end));
  return [header, ...body];
}

function roleHeader(role: Role): PptxGenJS.TableCell {
  const holder = cleanText(role.holder ?? "");
  const vacant = holder === "";
  return {
    text: [
      {
        text: cleanText(role.title),
        options: { bold: true, fontSize: MATRIX_TYPE.titleSize, breakLine: true },
      },
      {
        text: vacant ? "Vacant" : holder,
        options: { fontSize: MATRIX_TYPE.holderSize, color: MUTED, italic: vacant },
      },
    ],
    options: { align: "center", valign: "bottom", fill: { color: HEADER_FILL } },
  };
}

function bodyRow(row: MatrixRow, start: number, end: number): PptxGenJS.TableRow {
  const name = cleanText(row.responsibility.name);
  const category = cleanText(row.responsibility.category ?? "");
  const hasCategory = category !== "";
  const label: PptxGenJS.TableCell = {
    text: hasCategory
      ? [
          { text: name, options: { fontSize: MATRIX_TYPE.nameSize, breakLine: true } },
          { text: category, options: { fontSize: MATRIX_TYPE.categorySize, color: MUTED } },
        ]
      : name,
    options: { fontSize: MATRIX_TYPE.nameSize, valign: "middle" },
  };
  const cells = row.cells.slice(start, end).map((codes): PptxGenJS.TableCell => {
    const style = cellStyle(codes);
    if (style === undefined) return { text: "" };
    return {
      text: formatCodes(codes),
      options: {
        bold: true,
        fontSize: MATRIX_TYPE.codeSize,
        color: style.text,
        fill: { color: style.fill },
        align: "center",
      },
    };
  });
  return [label, ...cells];
}

/** One chip per code under the table: the letter on its fill, then its meaning. */
function addLegend(slide: PptxGenJS.Slide): void {
  const width = TABLE_FRAME.width / DISPLAY_ORDER.length;
  DISPLAY_ORDER.forEach((code, index) => {
    const style = CODE_STYLES[code];
    const x = MARGIN + index * width;
    slide.addText(code, {
      x,
      y: LEGEND.y,
      w: LEGEND.height,
      h: LEGEND.height,
      fontFace: DECK_FONT,
      fontSize: 11,
      bold: true,
      color: style.text,
      fill: { color: style.fill },
      align: "center",
      valign: "middle",
      margin: 0,
    });
    slide.addText(`${style.name}: ${style.hint}`, {
      x: x + LEGEND.height + 0.08,
      y: LEGEND.y,
      w: width - LEGEND.height - 0.16,
      h: LEGEND.height,
      fontFace: DECK_FONT,
      fontSize: 8,
      color: MUTED,
      valign: "middle",
      margin: 0,
    });
  });
}
