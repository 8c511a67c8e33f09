import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { FONT_FILES, FONT_PACKAGE } from "../fonts";
import { INTER_METRICS } from "../generated/inter-metrics";
import type { FontWeight } from "./font-metrics-table";
import { advanceOf, baselineOffset, textWidth } from "./measure";

const fontDir = dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
const WEIGHTS = Object.keys(FONT_FILES).map(Number) as FontWeight[];
const em = INTER_METRICS.unitsPerEm;

describe("the generated metrics", () => {
  it.each(WEIGHTS)("match the installed Inter file of weight %i", (weight) => {
    const font = fontkit.create(readFileSync(join(fontDir, FONT_FILES[weight])));
    if (!("glyphForCodePoint" in font)) throw new Error("a collection, not a font");
    expect(font.unitsPerEm).toBe(em);
    expect([font.ascent, font.descent]).toEqual([INTER_METRICS.ascender, INTER_METRICS.descender]);
    for (const char of "AaWwiI 0.,!?éßØœŁńĳ–—…€™ДЖжΩ→↗−✓●") {
      const code = char.codePointAt(0) ?? 0;
      expect(advanceOf(code, weight), char).toBe(font.glyphForCodePoint(code).advanceWidth);
    }
  });
});

describe("textWidth", () => {
  const regular = { size: 16, weight: 400 } as const;

  it("adds the advances of the characters, scaled to the font size", () => {
    const expected = ((advanceOf(65, 400) + advanceOf(98, 400)) * 16) / em;
    expect(textWidth("Ab", regular)).toBeCloseTo(expected, 10);
    expect(textWidth("", regular)).toBe(0);
    expect(textWidth("Ab", { size: 32, weight: 400 })).toBeCloseTo(2 * expected, 10);
  });

  it("measures bold wider than regular", () => {
    expect(textWidth("Chief Technology Officer", { size: 16, weight: 700 })).toBeGreaterThan(
      textWidth("Chief Technology Officer", regular),
    );
  });

  it("counts a wide character or an emoji (a surrogate pair) as one em", () => {
    expect(textWidth("中", regular)).toBe(16);
    expect(textWidth("😀", regular)).toBe(16);
  });

  it("gives characters outside the table the average letter width", () => {
    const fallback = (INTER_METRICS.weights[400].fallback * 16) / em;
    expect(textWidth("\u0e01", regular)).toBeCloseTo(fallback, 10);
  });
});

describe("baselineOffset", () => {
  it("centres the font's ascender and descender in the line box", () => {
    const size = 20;
    const content = ((INTER_METRICS.ascender - INTER_METRICS.descender) * size) / em;
    const baseline = baselineOffset(size, content);
    expect(baseline).toBeCloseTo((INTER_METRICS.ascender * size) / em, 10);
    expect(baselineOffset(size, content + 10)).toBeCloseTo(baseline + 5, 10);
  });
});
