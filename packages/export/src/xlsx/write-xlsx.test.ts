import { type ChartDocument, ExportOptionsSchema } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportChart } from "../export-chart";
import { CODE_STYLES, DISPLAY_ORDER } from "../matrix/code-styles";
import { templateChart, trickyChart } from "../testing/charts";

async function exportXlsx(document: ChartDocument, findings = "false") {
  const file = await exportChart(document, ExportOptionsSchema.parse({ format: "xlsx", findings }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.body as unknown as ExcelJS.Buffer);
  return { file, workbook };
}

const sheet = (workbook: ExcelJS.Workbook, name: string) => {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet "${name}"`);
  return found;
};
const rowValues = (worksheet: ExcelJS.Worksheet, row: number) =>
  (worksheet.getRow(row).values as unknown[]).slice(1);
const fillOf = (cell: ExcelJS.Cell) =>
  cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined;

describe("xlsx", () => {
  it("has the Matrix and Legend sheets, named and typed", async () => {
    const { file, workbook } = await exportXlsx(templateChart());
    expect(file.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(file.filename).toBe("classic-cio-cto-split.xlsx");
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(["Matrix", "Legend"]);
    expect(workbook.creator).toBe("Rolemap");
  });

  it("writes the matrix: header row, codes coloured per code, escaped text", async () => {
    const document = trickyChart();
    const matrix = sheet((await exportXlsx(document)).workbook, "Matrix");
    expect(rowValues(matrix, 1)).toEqual([
      "Responsibility",
      "Category",
      "Chief Information Officer",
      // A role title that is a formula stays text, with the guard's apostrophe.
      `'=HYPERLINK("http://example.test","click")`,
      "Head of Operations",
    ]);
    expect(matrix.getRow(1).getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(rowValues(matrix, 2)).toEqual(["IT budget", "Finance", "A/R", "C"]);
    expect(rowValues(matrix, 3)).toEqual(["'+Service uptime", "'@Operations", "A", "I", "R"]);

    const combined = matrix.getCell("C2");
    expect(fillOf(combined)).toBe(`FF${CODE_STYLES.A.fill}`);
    expect(combined.font?.color?.argb).toBe(`FF${CODE_STYLES.A.text}`);
    expect(fillOf(matrix.getCell("D2"))).toBe(`FF${CODE_STYLES.C.fill}`);
    expect(fillOf(matrix.getCell("E3"))).toBe(`FF${CODE_STYLES.R.fill}`);
    expect(matrix.getCell("E2").value).toBeNull();
  });

  it("freezes the header row and first column, filters and sizes the columns", async () => {
    const matrix = sheet((await exportXlsx(trickyChart())).workbook, "Matrix");
    expect(matrix.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(matrix.autoFilter).toBe("A1:E1");
    expect(matrix.getColumn(1).width).toBeGreaterThan(matrix.getColumn(3).width ?? Infinity);
    // The holder is a note on the role's header.
    expect(matrix.getCell("E1").note).toBe("Vacant");
  });

  it("explains every code on the Legend sheet with its colour, and names the chart", async () => {
    const document = trickyChart();
    const legend = sheet((await exportXlsx(document)).workbook, "Legend");
    expect(legend.getCell("A1").value).toBe(document.name);
    const codes = DISPLAY_ORDER.map((_, index) => legend.getRow(5 + index));
    expect(codes.map((row) => row.getCell(1).value)).toEqual([...DISPLAY_ORDER]);
    for (const [index, code] of DISPLAY_ORDER.entries()) {
      const row = codes[index];
      expect(row?.getCell(2).value).toBe(CODE_STYLES[code].name);
      expect(row ? fillOf(row.getCell(1)) : undefined).toBe(`FF${CODE_STYLES[code].fill}`);
    }
  });

  it("adds a Findings sheet only with findings, every text escaped", async () => {
    const document = trickyChart();
    const findings = validateChart(document);
    const { workbook } = await exportXlsx(document, "true");
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      "Matrix",
      "Legend",
      "Findings",
    ]);
    const sheetOfFindings = sheet(workbook, "Findings");
    expect(rowValues(sheetOfFindings, 1)).toEqual([
      "Severity",
      "Rule",
      "Category",
      "Message",
      "Roles",
      "Responsibilities",
    ]);
    expect(sheetOfFindings.rowCount).toBe(1 + findings.length);
    for (let row = 2; row <= sheetOfFindings.rowCount; row++)
      for (const value of rowValues(sheetOfFindings, row))
        expect(String(value ?? "")).not.toMatch(/^[=+\-@]/);
    expect(sheetOfFindings.getColumn(2).values).toContain(findings[0]?.rule);
  });
});
