import { renderChartSvg } from "@rolemap/render";
import { describe, expect, it } from "vitest";
import { generatedChart } from "../testing/charts";
import { createBlankTest, inkOutline } from "./blank-tiles";

describe("inkOutline", () => {
  it("keeps the heading's text and drops the text on cards and in the legend", () => {
    const { svg } = renderChartSvg(generatedChart(5, 1));
    const outline = inkOutline(svg);
    expect(outline).toContain("Generated chart of 5 roles</text>");
    expect(outline).not.toContain("Person 1</text>");
    expect(outline).not.toContain("Legend</text>");
    expect(outline.match(/<rect/g)?.length).toBe(svg.match(/<rect/g)?.length);
  });
});

describe("createBlankTest", () => {
  it("finds ink on cards, lines and the heading, and none in empty paper", async () => {
    const chart = renderChartSvg(generatedChart(30, 1));
    const isBlank = await createBlankTest(chart.svg, chart);
    const [first] = chart.boxes;
    if (first === undefined) throw new Error("no cards");
    expect(isBlank(first)).toBe(false);
    // The heading, top left inside the page margin.
    expect(isBlank({ x: 40, y: 40, width: 60, height: 30 })).toBe(false);
    // The margin around everything is paper.
    expect(isBlank({ x: 0, y: 0, width: 30, height: 30 })).toBe(true);
    expect(isBlank({ x: chart.width - 30, y: chart.height - 30, width: 30, height: 30 })).toBe(
      true,
    );
  });
});
