import { ExportOptionsSchema } from "@rolemap/contract";
import { renderChartSvg } from "@rolemap/render";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { exportChart } from "./export-chart";
import { MAX_PNG_PIXELS, MAX_PNG_SIDE, pngZoom } from "./rasterise";
import { templateChart, trickyChart } from "./testing/charts";

const decodePng = (body: Uint8Array) => PNG.sync.read(Buffer.from(body));

/** Share of pixels that are not white, and whether any is transparent. */
function ink(png: PNG): { share: number; transparent: boolean } {
  let inked = 0;
  let transparent = false;
  const data = png.data;
  for (let at = 0; at < data.length; at += 4) {
    if ((data[at + 3] ?? 0) < 255) transparent = true;
    if ((data[at] ?? 0) < 250 || (data[at + 1] ?? 0) < 250 || (data[at + 2] ?? 0) < 250) inked++;
  }
  return { share: inked / (png.width * png.height), transparent };
}

describe("png", () => {
  const document = templateChart();
  const rendered = renderChartSvg(document, { findings: false, legend: true, title: true });

  it.each([1, 1.5, 2, 3])("is the whole chart at scale %s", async (scale) => {
    const file = await exportChart(
      document,
      ExportOptionsSchema.parse({ format: "png", scale: String(scale) }),
    );
    expect(file.contentType).toBe("image/png");
    expect(file.filename).toBe("classic-cio-cto-split.png");
    const png = decodePng(file.body);
    expect(png.width).toBe(Math.round(rendered.width * scale));
    expect(png.height).toBe(Math.round(rendered.height * scale));
  });

  it("has a white background and drawn cards", async () => {
    const png = decodePng(
      (await exportChart(document, ExportOptionsSchema.parse({ format: "png" }))).body,
    );
    const { share, transparent } = ink(png);
    expect(transparent).toBe(false);
    // Cards, lines and text cover a real part of the image, but most of it is paper.
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.6);
    // The top-left corner is margin: white.
    expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it("grows by the findings appendix when findings are asked for", async () => {
    const document = trickyChart();
    const plain = decodePng(
      (await exportChart(document, ExportOptionsSchema.parse({ format: "png", scale: "1" }))).body,
    );
    const withFindings = decodePng(
      (
        await exportChart(
          document,
          ExportOptionsSchema.parse({ format: "png", scale: "1", findings: "true" }),
        )
      ).body,
    );
    const expected = renderChartSvg(document, { findings: true });
    expect(withFindings.height).toBe(Math.round(expected.height));
    expect(withFindings.height).toBeGreaterThan(plain.height);
  });
});

describe("pngZoom", () => {
  it("keeps the requested scale for ordinary charts", () => {
    expect(pngZoom(2_000, 1_500, 4)).toBe(4);
  });

  it("shrinks a chart that would pass the side or pixel limits, never cropping", () => {
    const wide = pngZoom(74_000, 2_000, 2);
    expect(74_000 * wide).toBeLessThanOrEqual(MAX_PNG_SIDE);
    const big = pngZoom(12_000, 10_000, 4);
    expect(12_000 * big * 10_000 * big).toBeLessThanOrEqual(MAX_PNG_PIXELS * (1 + 1e-9));
    expect(big).toBeGreaterThan(0.5);
  });
});
