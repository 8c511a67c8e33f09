import { describe, expect, it } from "vitest";
import { CARD_TITLE_FONT_SIZE, presentationFit, type Rect } from "./presentation-fit";

const pane = { width: 1280, height: 640 };
const titlePx = (zoom: number) => CARD_TITLE_FONT_SIZE * zoom;
const fitWithPadding = (chart: Rect, top: Rect) =>
  presentationFit({ chart, top, pane, titleFontSize: CARD_TITLE_FONT_SIZE, padding: 32 });

describe("presentationFit", () => {
  it("fits a small chart whole, centred, with titles of 16 px or more", () => {
    const chart = { x: 0, y: 0, width: 800, height: 400 };
    const fit = presentationFit({ chart, top: chart, pane, titleFontSize: CARD_TITLE_FONT_SIZE });
    expect(fit.isWholeChart).toBe(true);
    expect(titlePx(fit.zoom)).toBeGreaterThanOrEqual(16);
    // Centred: the chart's middle at the pane's middle.
    expect(fit.x + 400 * fit.zoom).toBeCloseTo(640);
    expect(fit.y + 200 * fit.zoom).toBeCloseTo(320);
  });

  it("never zooms in past maxZoom", () => {
    const chart = { x: 0, y: 0, width: 248, height: 124 };
    const fit = presentationFit({
      chart,
      top: chart,
      pane,
      titleFontSize: CARD_TITLE_FONT_SIZE,
      maxZoom: 1.5,
    });
    expect(fit.zoom).toBe(1.5);
  });

  it.each([
    ["an 11-role chart", { x: 0, y: 0, width: 2400, height: 700 }],
    ["a 60-role chart", { x: -500, y: 100, width: 9000, height: 1400 }],
  ])(
    "shows the top of %s at the zoom of 16 px titles when the whole would be smaller",
    (_, chart) => {
      const top = { x: chart.x + chart.width / 2 - 124, y: chart.y, width: 248, height: 124 };
      const fit = fitWithPadding(chart, top);
      expect(fit.isWholeChart).toBe(false);
      expect(titlePx(fit.zoom)).toBeGreaterThanOrEqual(16);
      expect(titlePx(fit.zoom)).toBeLessThan(16.05);
      // The roots are centred horizontally and the top row sits at the top padding.
      expect(fit.x + (top.x + top.width / 2) * fit.zoom).toBeCloseTo(640);
      expect(fit.y + top.y * fit.zoom).toBeCloseTo(32);
    },
  );

  it("keeps the chart's edge at the pane's edge when the roots are near it", () => {
    const chart = { x: 0, y: 0, width: 4000, height: 2000 };
    const top = { x: 0, y: 0, width: 248, height: 124 };
    const fit = fitWithPadding(chart, top);
    expect(fit.x).toBeCloseTo(32);
  });

  it("centres a chart that is too tall but narrow enough", () => {
    const chart = { x: 0, y: 0, width: 600, height: 3000 };
    const fit = presentationFit({ chart, top: chart, pane, titleFontSize: CARD_TITLE_FONT_SIZE });
    expect(fit.isWholeChart).toBe(false);
    expect(fit.x + 300 * fit.zoom).toBeCloseTo(640);
  });

  it("does not mutate its input", () => {
    const chart = Object.freeze({ x: 0, y: 0, width: 5000, height: 900 });
    const input = Object.freeze({
      chart,
      top: chart,
      pane: Object.freeze({ ...pane }),
      titleFontSize: 17,
    });
    expect(() => presentationFit(input)).not.toThrow();
  });
});
