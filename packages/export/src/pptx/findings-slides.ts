import type { Finding } from "@rolemap/contract";
import { cleanText } from "@rolemap/render";
import type PptxGenJS from "pptxgenjs";
import { SEVERITY } from "../pdf/findings-pages";
import { estimateLines, linesHeight } from "./matrix-slide-plan";
import { addPagedTable, type TableRowPlan } from "./paged-table";
import { CELL_MARGIN, TABLE_FRAME } from "./slide-layout";

/** Findings listed in a deck; the rest are counted (the XLSX and the editor list them all). */
export const MAX_FINDING_ROWS = 48;
const PLURAL = {
  error: (n: number) => (n === 1 ? "error" : "errors"),
  warning: (n: number) => (n === 1 ? "warning" : "warnings"),
  info: () => "info",
};
const COLUMNS = [1.0, 2.6, TABLE_FRAME.width - 3.6];
const SIZE = 10;

/**
 * The findings after the matrix, most severe first (the engine's order): severity, rule
 * and message, on as many slides as they need up to MAX_FINDING_ROWS; each title says
 * which of how many it lists. Messages quote people's text: they go in as `cleanText` makes them.
 */
export function addFindingsSlides(deck: PptxGenJS, findings: readonly Finding[]): number {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const summary = (["error", "warning", "info"] as const)
    .map((severity) => `${counts[severity]} ${PLURAL[severity](counts[severity])}`)
    .join(", ");
  const rows: TableRowPlan[] = findings.slice(0, MAX_FINDING_ROWS).map((finding) => {
    const message = cleanText(finding.message);
    const style = SEVERITY[finding.severity];
    return {
      cells: [
        {
          text: style.label,
          // The PDF's chips' colours, without the "#" slides do not take.
          options: { bold: true, color: style.text.slice(1), fill: { color: style.fill.slice(1) } },
        },
        { text: finding.rule },
        { text: message },
      ],
      height:
        linesHeight(
          Math.max(
            estimateLines(message, COLUMNS[2] as number, SIZE),
            estimateLines(finding.rule, COLUMNS[1] as number, SIZE),
          ),
          SIZE,
        ) +
        2 * CELL_MARGIN,
    };
  });
  if (findings.length === 0)
    rows.push({
      cells: [{ text: "" }, { text: "" }, { text: "None: the chart passes every rule." }],
      height: linesHeight(1, SIZE) + 2 * CELL_MARGIN,
    });
  const listed = Math.min(findings.length, MAX_FINDING_ROWS);
  const rest = listed < findings.length ? "; the XLSX export lists them all" : "";
  return addPagedTable(deck, {
    title: (start, end) =>
      findings.length === 0
        ? "Findings: none"
        : `Findings (${summary}): ${start + 1}–${end} of ${findings.length}${rest}`,
    columnWidths: COLUMNS,
    header: [{ text: "Severity" }, { text: "Rule" }, { text: "Message" }].map((cell) => ({
      ...cell,
      options: { fontSize: SIZE },
    })),
    headerHeight: linesHeight(1, SIZE) + 2 * CELL_MARGIN,
    rows: rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({ ...cell, options: { fontSize: SIZE, ...cell.options } })),
    })),
  });
}
