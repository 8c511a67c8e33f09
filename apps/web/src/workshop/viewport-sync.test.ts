import { describe, expect, it } from "vitest";
import { flowViewport, isSameView, publishedView } from "./viewport-sync";

describe("publishedView", () => {
  it("publishes the chart point at the canvas's centre and the zoom", () => {
    // Pan (100, 50) at zoom 2 on an 800 × 600 canvas: the centre (400, 300) on screen is
    // ((400 - 100) / 2, (300 - 50) / 2) in the chart.
    expect(publishedView([100, 50, 2], { width: 800, height: 600 })).toEqual({
      x: 150,
      y: 125,
      zoom: 2,
    });
  });
});

describe("flowViewport", () => {
  it("puts the published point at the centre of a canvas of another size", () => {
    const view = publishedView([100, 50, 2], { width: 800, height: 600 });
    const projector = flowViewport(view, { width: 1920, height: 1080 });
    expect(projector).toEqual({ x: 960 - 300, y: 540 - 250, zoom: 2 });
    expect(
      publishedView([projector.x, projector.y, projector.zoom], { width: 1920, height: 1080 }),
    ).toEqual(view);
  });
});

describe("isSameView", () => {
  it.each([
    [{ x: 1, y: 2, zoom: 1 }, { x: 1, y: 2, zoom: 1 }, true],
    [{ x: 1, y: 2, zoom: 1 }, { x: 1, y: 2, zoom: 2 }, false],
    [null, { x: 1, y: 2, zoom: 1 }, false],
  ])("%j and %j: %s", (a, b, same) => {
    expect(isSameView(a, b)).toBe(same);
  });
});
