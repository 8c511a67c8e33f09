import { renderChartSvg } from "@rolemap/render";
import { describe, expect, it } from "vitest";
import { renderForExport, withoutAppendix } from "./chart-svg";
import { templateChart, trickyChart } from "./testing/charts";

describe("renderForExport", () => {
  it("keeps badges but drops the appendix and crops below the lowest card", () => {
    const document = trickyChart();
    const full = renderChartSvg(document, { findings: true });
    const chart = renderForExport(document, { findings: true, title: true, appendix: false });
    expect(full.svg).toContain('data-part="findings"');
    expect(chart.svg).not.toContain('data-part="findings"');
    expect(chart.svg).toContain("data-badge=");
    expect(chart.svg.endsWith("</svg>")).toBe(true);
    expect(chart.height).toBeLessThan(full.height);
    expect(chart.svg).toContain(`viewBox="0 0 ${chart.width} ${chart.height}"`);
    expect(chart.svg).toContain(`height="${chart.height}"`);
    for (const box of chart.boxes) expect(box.y + box.height).toBeLessThan(chart.height);
  });

  it("leaves the renderer's output alone without findings", () => {
    const document = templateChart();
    expect(renderForExport(document, { findings: false, title: true, appendix: false })).toEqual(
      renderChartSvg(document, { findings: false, title: true, legend: true }),
    );
  });

  it("omits the heading when the page or slide has its own title", () => {
    const document = templateChart();
    const chart = renderForExport(document, { findings: false, title: false, appendix: true });
    expect(chart.svg).not.toContain('data-part="heading"');
  });

  it("returns a chart without cards unchanged", () => {
    const rendered = {
      svg: '<svg><g data-part="findings"></g></svg>',
      width: 1,
      height: 1,
      boxes: [],
    };
    expect(withoutAppendix(rendered)).toBe(rendered);
  });
});
