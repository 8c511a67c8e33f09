import type { ChartDocument, Finding } from "@rolemap/contract";
import { escapeSpreadsheetText } from "@rolemap/interchange";
import { xmlSafeText } from "@rolemap/render";
import ExcelJS from "exceljs";
import { createFindingLabels } from "../findings";
import { CODE_STYLES, cellStyle, DISPLAY_ORDER, formatCodes } from "../matrix/code-styles";
import { buildMatrixGrid } from "../matrix/matrix-grid";

/**
 * The matrix as an Excel workbook: "Matrix" (a row per responsibility, a column per role,
 * codes coloured like the editor), "Legend" (the codes and the chart name) and, when asked,
 * "Findings". Every text cell and note goes through `text`, so a role called
 * "=HYPERLINK(…)" stays text in Excel, LibreOffice and Google Sheets. exceljs escapes
 * markup itself.
 */
export async function writeXlsx(
  document: ChartDocument,
  findings: Finding[] | null,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rolemap";
  workbook.title = xmlSafeText(document.name);
  addMatrixSheet(workbook, document);
  addLegendSheet(workbook, document);
  if (findings !== null) addFindingsSheet(workbook, document, findings);
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

/**
 * A cell's text: characters XML forbids replaced first (exceljs would drop them, and
 * "\u0001=1" would then reach the sheet as "=1"), then guarded against formula injection.
 */
const text = (value: string) => escapeSpreadsheetText(xmlSafeText(value));
const argb = (hex: string) => `FF${hex}`;
const solidFill = (hex: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(hex) },
});
const HEADER_FILL = solidFill("F3F4F6");
const HEADER_BORDER: Partial<ExcelJS.Borders> = {
  bottom: { style: "thin", color: { argb: argb("9CA3AF") } },
};

/** Column widths in characters: wide enough for most titles, narrow enough to scan. */
const RESPONSIBILITY_WIDTH = 44;
const CATEGORY_WIDTH = 18;
const MIN_ROLE_WIDTH = 8;
const MAX_ROLE_WIDTH = 22;

function addMatrixSheet(workbook: ExcelJS.Workbook, document: ChartDocument): void {
  const grid = buildMatrixGrid(document);
  const sheet = workbook.addWorksheet("Matrix", {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
  });
  sheet.columns = [
    { width: RESPONSIBILITY_WIDTH },
    { width: CATEGORY_WIDTH },
    ...grid.roles.map((role) => ({
      width: Math.min(MAX_ROLE_WIDTH, Math.max(MIN_ROLE_WIDTH, role.title.length + 2)),
    })),
  ];

  const header = sheet.addRow([
    text("Responsibility"),
    text("Category"),
    ...grid.roles.map((role) => text(role.title)),
  ]);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell, column) => {
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
    if (column > 2) cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  grid.roles.forEach((role, index) => {
    // The holder as a note: the header stays one title per column, as people filter on it.
    const holder = role.holder == null ? "Vacant" : role.holder.trim();
    if (holder !== "") header.getCell(index + 3).note = text(holder);
  });

  for (const { responsibility, cells } of grid.rows) {
    const row = sheet.addRow([
      text(responsibility.name),
      text(responsibility.category ?? ""),
      ...cells.map((codes) => (codes.length === 0 ? null : text(formatCodes(codes)))),
    ]);
    row.alignment = { vertical: "top", wrapText: true };
    cells.forEach((codes, index) => {
      const style = cellStyle(codes);
      if (style === undefined) return;
      const cell = row.getCell(index + 3);
      cell.fill = solidFill(style.fill);
      cell.font = { bold: true, color: { argb: argb(style.text) } };
      cell.alignment = { horizontal: "center", vertical: "middle" };
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: grid.roles.length + 2 } };
}

function addLegendSheet(workbook: ExcelJS.Workbook, document: ChartDocument): void {
  const sheet = workbook.addWorksheet("Legend");
  sheet.columns = [{ width: 10 }, { width: 16 }, { width: 48 }];
  const title = sheet.addRow([text(document.name)]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([text("Responsibility matrix exported from Rolemap")]);
  sheet.addRow([]);
  const header = sheet.addRow([text("Code"), text("Meaning"), text("Description")]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
  });
  for (const code of DISPLAY_ORDER) {
    const style = CODE_STYLES[code];
    const row = sheet.addRow([text(code), text(style.name), text(style.hint)]);
    const cell = row.getCell(1);
    cell.fill = solidFill(style.fill);
    cell.font = { bold: true, color: { argb: argb(style.text) } };
    cell.alignment = { horizontal: "center" };
  }
  sheet.addRow([]);
  sheet.addRow([text('A cell with several codes ("A/R") is coloured by its first code.')]);
}

function addFindingsSheet(
  workbook: ExcelJS.Workbook,
  document: ChartDocument,
  findings: Finding[],
): void {
  const labels = createFindingLabels(document);
  const sheet = workbook.addWorksheet("Findings", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = [
    { width: 10 },
    { width: 34 },
    { width: 12 },
    { width: 80 },
    { width: 36 },
    { width: 36 },
  ];
  const header = sheet.addRow(
    ["Severity", "Rule", "Category", "Message", "Roles", "Responsibilities"].map(text),
  );
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
  });
  for (const finding of findings) {
    const row = sheet.addRow(
      [
        finding.severity,
        finding.rule,
        finding.category,
        finding.message,
        labels.roles(finding),
        labels.responsibilities(finding),
      ].map(text),
    );
    row.alignment = { vertical: "top", wrapText: true };
  }
  if (findings.length === 0) sheet.addRow([text("None: the chart passes every rule.")]);
  else sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 6 } };
}
