import { type ChartDocument, ExportOptionsSchema, PAGE_SIZES } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { exportChart } from "../export-chart";
import { generatedChart, templateChart, trickyChart } from "../testing/charts";
import { readPdf } from "../testing/read-pdf";
import { PAPER } from "./page-plan";

const exportPdf = async (document: ChartDocument, extra: Record<string, string> = {}) => {
  const file = await exportChart(document, ExportOptionsSchema.parse({ format: "pdf", ...extra }));
  expect(file.contentType).toBe("application/pdf");
  return { file, pdf: await readPdf(file.body) };
};

describe("pdf", () => {
  it.each(PAGE_SIZES)(
    "puts a small chart on one landscape %s page, as vector text",
    async (page) => {
      const document = trickyChart();
      const { file, pdf } = await exportPdf(document, { page });
      expect(file.filename).toBe("equipe-numerique-it-data.pdf");
      expect(pdf.pages).toHaveLength(1);
      const [only] = pdf.pages;
      expect(only?.width).toBeCloseTo(PAPER[page].width, 1);
      expect(only?.height).toBeCloseTo(PAPER[page].height, 1);
      expect(only?.width).toBeGreaterThan(only?.height ?? Infinity);
      // Text is extractable: the chart's name, role titles and holders are real text.
      expect(only?.text).toContain(document.name);
      expect(only?.text).toContain("Chief Information Officer");
      expect(only?.text).toContain("Zoë Ångström");
      expect(only?.text).toContain("Page 1");
    },
  );

  it("names the chart and Rolemap in the metadata", async () => {
    const { pdf } = await exportPdf(templateChart());
    expect(pdf.info.Title).toBe("Classic CIO / CTO split");
    expect(pdf.info.Creator).toBe("Rolemap");
  });

  it("splits a large chart into an overview and labelled tiles", async () => {
    const document = generatedChart(50, 5);
    const { pdf } = await exportPdf(document, { page: "a4" });
    expect(pdf.pages.length).toBeGreaterThan(3);
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(PAPER.a4.width, 1);
      expect(page.height).toBeCloseTo(PAPER.a4.height, 1);
      expect(page.text).toContain(document.name);
    }
    const [overview, ...tiles] = pdf.pages;
    expect(overview?.text).toMatch(
      new RegExp(`Page 1 — overview: ${tiles.length} pages follow, \\d+ rows? × \\d+ columns?`),
    );
    tiles.forEach((tile, index) => {
      expect(tile.text).toMatch(new RegExp(`Page ${index + 2} — row \\d+, column \\d+`));
    });
    expect(overview?.text).toContain("Role 49 of area 0");
  });

  it("fits the same large chart on one page with fit: one-page", async () => {
    const { pdf } = await exportPdf(generatedChart(50, 5), { fit: "one-page", page: "a3" });
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]?.width).toBeCloseTo(PAPER.a3.width, 1);
    expect(pdf.pages[0]?.text).toContain("Role 49 of area 0");
  });

  it("needs fewer tiles on A3 than on A4", async () => {
    const document = generatedChart(50, 5);
    const a4 = (await exportPdf(document, { page: "a4" })).pdf.pages.length;
    const a3 = (await exportPdf(document, { page: "a3" })).pdf.pages.length;
    expect(a3).toBeLessThan(a4);
  });

  it("ends with a findings appendix listing every finding, with findings", async () => {
    const document = trickyChart();
    const findings = validateChart(document);
    expect(findings.length).toBeGreaterThan(0);
    const { pdf } = await exportPdf(document, { findings: "true" });
    expect(pdf.pages).toHaveLength(2);
    const appendix = pdf.pages[1]?.text ?? "";
    expect(appendix).toContain("Findings");
    expect(appendix).toContain("Page 2 — findings");
    for (const finding of findings) {
      expect(appendix).toContain(finding.rule);
      // The message may wrap: compare its first words.
      expect(appendix).toContain(finding.message.split(" ").slice(0, 3).join(" "));
    }
    // The chart page has the badges but not the renderer's own appendix.
    expect(pdf.pages[0]?.text).not.toContain("SEVERITY");
  });

  it("says so when a chart has no findings", async () => {
    const { pdf } = await exportPdf(templateChart(), { findings: "true", fit: "one-page" });
    expect(pdf.pages.at(-1)?.text).toContain("None: the chart passes every rule.");
  });

  it("exports a chart without roles", async () => {
    const empty: ChartDocument = {
      format: "rolemap.chart/v1",
      name: "Empty",
      roles: [],
      reportingLines: [],
      responsibilities: [],
      assignments: [],
    };
    const { pdf } = await exportPdf(empty, { findings: "true" });
    expect(pdf.pages.length).toBeGreaterThanOrEqual(1);
    expect(pdf.pages[0]?.text).toContain("Empty");
  });
});
