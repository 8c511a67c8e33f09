import { renderChartSvg } from "@rolemap/render";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { generatedChart, templateChart, trickyChart } from "../testing/charts";
import { createChartForm } from "./chart-form";
import { registerPdfFonts } from "./pdf-fonts";

describe("createChartForm", () => {
  it("draws every part the renderer makes without a warning from svg-to-pdfkit", () => {
    for (const document of [templateChart(), trickyChart(), generatedChart(60, 3)]) {
      const chart = renderChartSvg(document, { findings: true });
      const doc = new PDFDocument({ autoFirstPage: false });
      registerPdfFonts(doc);
      doc.addPage();
      const warnings: string[] = [];
      const form = createChartForm(doc, chart.svg, chart, (warning) => warnings.push(warning));
      expect(warnings).toEqual([]);
      expect(form.size).toEqual({ width: chart.width, height: chart.height });
      doc.end();
    }
  });

  it("leaves the page it was drawn from as it was", () => {
    const chart = renderChartSvg(trickyChart());
    const doc = new PDFDocument({ autoFirstPage: false });
    registerPdfFonts(doc);
    doc.addPage();
    const page = doc.page;
    createChartForm(doc, chart.svg, chart);
    expect(doc.page).toBe(page);
    doc.end();
  });
});
