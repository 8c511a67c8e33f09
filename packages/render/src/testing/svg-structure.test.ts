import { describe, expect, it } from "vitest";
import { textWidth } from "../text/measure";
import { outsideViewBox } from "./svg-checks";
import { extentOf, parseSvg, pathPoints } from "./svg-structure";

/** The checks the structural tests rely on must themselves catch what they look for. */
describe("svg-structure", () => {
  const svg = [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    '<defs><rect width="5000" height="5000"/></defs>',
    '<g transform="translate(10 20)"><g transform="translate(5 5)">',
    '<rect x="1" y="2" width="30" height="10" stroke="#000" stroke-width="2"/>',
    '<text x="0" y="50" font-size="10" font-weight="700" text-anchor="middle">A &amp; B</text>',
    "</g></g>",
    '<g stroke="#000" stroke-width="4"><path d="M10 10C10 90 90 90 90 10"/></g>',
    "</svg>",
  ].join("");
  const elements = parseSvg(svg);

  it("accumulates translations and decodes text", () => {
    const rect = elements.find((e) => e.name === "rect" && e.parent?.name === "g");
    expect(rect?.offset).toEqual({ x: 15, y: 25 });
    expect(elements.find((e) => e.name === "text")?.text).toBe("A & B");
  });

  it("measures rects with their stroke, texts by their font, and curves along the curve", () => {
    const [rect, text, path] = ["rect", "text", "path"].map((name) => {
      const last = elements.filter((e) => e.name === name).at(-1);
      return last === undefined ? null : extentOf(last);
    });
    expect([rect?.left, rect?.top, rect?.right, rect?.bottom]).toEqual([15, 26, 47, 38]);
    const width = textWidth("A & B", { size: 10, weight: 700 });
    expect(text?.left).toBeCloseTo(15 - width / 2, 10);
    expect(text?.right).toBeCloseTo(15 + width / 2, 10);
    // The curve's lowest point is at 70 (not its control points' 90), plus half the stroke.
    expect(path?.bottom).toBeCloseTo(72, 1);
  });

  it("ignores definitions and flags what leaves the view box", () => {
    expect(outsideViewBox(elements, 100, 100)).toEqual([]);
    const offenders = outsideViewBox(elements, 40, 100).map((offender) => offender.split(" ")[0]);
    expect(offenders).toEqual(["rect", "path"]);
    // The text's baseline is at 75, its descender reaches below 76.
    expect(outsideViewBox(elements, 100, 76).map((offender) => offender.split(" ")[0])).toEqual([
      "text",
    ]);
  });

  it("reads every path command the renderer writes", () => {
    expect(pathPoints("M0 8A8 8 0 0 1 8 0H20V5L3 4Z").at(-1)).toEqual([3, 4]);
    expect(() => pathPoints("M0 0S1 1 2 2")).toThrow(/unexpected path command "S"/);
  });
});
