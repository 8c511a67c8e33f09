import { ExportOptionsSchema, parseChart } from "@rolemap/contract";
import { exportMatrixCsv } from "@rolemap/interchange";
import { renderChartSvg } from "@rolemap/render";
import { describe, expect, it } from "vitest";
import { exportChart } from "./export-chart";
import { templateChart, trickyChart } from "./testing/charts";

const options = (format: string, extra: Record<string, string> = {}) =>
  ExportOptionsSchema.parse({ format, ...extra });
const decode = (body: Uint8Array) => new TextDecoder().decode(body);

describe("json", () => {
  it("round-trips the document exactly", async () => {
    for (const document of [templateChart(), trickyChart()]) {
      const file = await exportChart(document, options("json"));
      expect(file.contentType).toBe("application/json");
      const text = decode(file.body);
      expect(text).toBe(JSON.stringify(document, null, 2));
      expect(JSON.parse(text)).toEqual(document);
      expect(parseChart(JSON.parse(text)).ok).toBe(true);
    }
  });

  it("names the file after the chart", async () => {
    const file = await exportChart(templateChart(), options("json"));
    expect(file.filename).toBe("classic-cio-cto-split.json");
  });
});

describe("csv", () => {
  it("is the interchange matrix CSV, with a BOM and formula-looking text escaped", async () => {
    const document = trickyChart();
    const file = await exportChart(document, options("csv"));
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toBe("equipe-numerique-it-data.csv");
    expect([...file.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(file.body);
    expect(text).toBe(exportMatrixCsv(document).replace(/^\uFEFF/, ""));
    expect(text).toContain("'=HYPERLINK");
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe("svg", () => {
  it("is the renderer's whole chart, with the name and the legend", async () => {
    const document = templateChart();
    const file = await exportChart(document, options("svg"));
    expect(file.contentType).toBe("image/svg+xml; charset=utf-8");
    expect(file.filename).toBe("classic-cio-cto-split.svg");
    const svg = decode(file.body);
    expect(svg).toBe(renderChartSvg(document, { findings: false, legend: true, title: true }).svg);
    expect(svg).toContain(document.name);
    expect(svg).toContain('data-part="legend"');
    for (const role of document.roles) expect(svg).toContain(`data-role-id="${role.id}"`);
  });

  it("adds badges and the findings appendix with findings", async () => {
    const document = trickyChart();
    const plain = decode((await exportChart(document, options("svg"))).body);
    const withFindings = decode(
      (await exportChart(document, options("svg", { findings: "true" }))).body,
    );
    expect(plain).not.toContain('data-part="findings"');
    expect(withFindings).toContain('data-part="findings"');
    expect(withFindings).toContain("data-badge=");
  });
});
