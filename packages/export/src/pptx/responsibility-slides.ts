import type { ChartDocument, RaciCode } from "@rolemap/contract";
import { cleanText } from "@rolemap/render";
import type PptxGenJS from "pptxgenjs";
import { CODE_STYLES, DISPLAY_ORDER } from "../matrix/code-styles";
import { estimateLines, linesHeight } from "./matrix-slide-plan";
import { addPagedTable, rowRange, type TableRowPlan } from "./paged-table";
import { CELL_MARGIN, TABLE_FRAME } from "./slide-layout";

const NAME_COLUMN = 3.0;
const CODE_COLUMN = (TABLE_FRAME.width - NAME_COLUMN) / DISPLAY_ORDER.length;
const TYPE = { name: 10, category: 8, roles: 8 } as const;
/** Roles listed per code and responsibility; the rest are counted ("+ 23 more"). */
export const NAMES_PER_CELL = 4;

/**
 * The matrix of a chart too large for a role-by-role grid (hundreds of role columns):
 * one row per responsibility, one column per code, each cell naming the roles that hold
 * it. Tens of rows a slide instead of nine roles a slide.
 */
export function addResponsibilitySlides(deck: PptxGenJS, document: ChartDocument): number {
  const titles = new Map(document.roles.map((role) => [role.id, cleanText(role.title)]));
  const holders = new Map<string, Record<RaciCode, string[]>>();
  for (const item of document.responsibilities)
    holders.set(item.id, { A: [], R: [], S: [], C: [], I: [] });
  for (const { role, responsibility, code } of document.assignments) {
    const list = holders.get(responsibility)?.[code];
    const title = titles.get(role);
    if (list !== undefined && title !== undefined && !list.includes(title)) list.push(title);
  }
  const rows = document.responsibilities.map((item): TableRowPlan => {
    const lists = holders.get(item.id) as Record<RaciCode, string[]>;
    const name = cleanText(item.name);
    const category = cleanText(item.category ?? "");
    const cells = DISPLAY_ORDER.map((code) => listed(lists[code]));
    const height = Math.max(
      linesHeight(estimateLines(name, NAME_COLUMN, TYPE.name), TYPE.name) +
        (category === ""
          ? 0
          : linesHeight(estimateLines(category, NAME_COLUMN, TYPE.category), TYPE.category)),
      ...cells.map((text) => linesHeight(estimateLines(text, CODE_COLUMN, TYPE.roles), TYPE.roles)),
    );
    return {
      cells: [
        {
          text:
            category === ""
              ? [{ text: name, options: { fontSize: TYPE.name } }]
              : [
                  { text: name, options: { fontSize: TYPE.name, breakLine: true } },
                  { text: category, options: { fontSize: TYPE.category, color: "6B7280" } },
                ],
        },
        ...cells.map((text) => ({ text, options: { fontSize: TYPE.roles } })),
      ],
      height: height + 2 * CELL_MARGIN,
    };
  });
  if (rows.length === 0)
    rows.push({
      cells: [
        { text: "This chart has no responsibilities yet." },
        ...DISPLAY_ORDER.map(() => ({ text: "" })),
      ],
      height: 0.4,
    });
  return addPagedTable(deck, {
    title: (start, end, total) =>
      document.responsibilities.length === 0
        ? "Who does what"
        : `Who does what: ${rowRange(start, end, total, "responsibilities")}`,
    columnWidths: [NAME_COLUMN, ...DISPLAY_ORDER.map(() => CODE_COLUMN)],
    header: [
      { text: "Responsibility", options: { fontSize: TYPE.name } },
      ...DISPLAY_ORDER.map((code) => ({
        text: `${code}: ${CODE_STYLES[code].name}`,
        options: {
          fontSize: TYPE.name,
          color: CODE_STYLES[code].text,
          fill: { color: CODE_STYLES[code].fill },
        },
      })),
    ],
    headerHeight: linesHeight(1, TYPE.name) + 2 * CELL_MARGIN,
    rows,
  });
}

/** "CIO, CTO, Head of Data + 4 more": the first names, the rest counted. */
function listed(names: readonly string[]): string {
  if (names.length <= NAMES_PER_CELL) return names.join(", ");
  return `${names.slice(0, NAMES_PER_CELL).join(", ")} + ${names.length - NAMES_PER_CELL} more`;
}
