import { INTER_METRICS } from "../generated/inter-metrics";
import type { FontWeight } from "./font-metrics-table";

/**
 * Text widths without a DOM: advance widths of Inter read from a generated table (see
 * scripts/generate-metrics.ts). Kerning is ignored, which only ever overestimates a little,
 * so measured text never overflows when drawn. Code points outside the table get 1 em when
 * they are wide (CJK, Hangul, emoji) and the average letter width otherwise.
 */

export interface TextStyle {
  size: number;
  weight: FontWeight;
}

const { unitsPerEm, ascender, descender, noGlyph } = INTER_METRICS;

/** Advances indexed by code point up to the end of the last range, one array per weight. */
const tables = new Map<FontWeight, Int16Array>();

function tableOf(weight: FontWeight): Int16Array {
  const cached = tables.get(weight);
  if (cached !== undefined) return cached;
  const { fallback, ranges } = INTER_METRICS.weights[weight];
  let end = 0;
  for (const [start, widths] of ranges) end = Math.max(end, start + widths.length);
  const table = new Int16Array(end).fill(fallback);
  for (const [start, widths] of ranges)
    for (let k = 0; k < widths.length; k++) {
      const width = widths[k] ?? noGlyph;
      table[start + k] = width === noGlyph ? fallback : width;
    }
  tables.set(weight, table);
  return table;
}

/** East Asian wide and fullwidth letters, and pictographs: about one em each. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Advance of one code point in font units. */
export function advanceOf(code: number, weight: FontWeight): number {
  const table = tableOf(weight);
  if (code < table.length) return table[code] ?? 0;
  return isWide(code) ? unitsPerEm : INTER_METRICS.weights[weight].fallback;
}

/** Width of `text` in user units. */
export function textWidth(text: string, style: TextStyle): number {
  const table = tableOf(style.weight);
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    units += code < table.length ? (table[code] ?? 0) : advanceOf(code, style.weight);
  }
  return (units * style.size) / unitsPerEm;
}

/**
 * Where the baseline of a line of text sits below the top of its line box, as CSS places
 * it: half the leading above the font's ascender.
 */
export function baselineOffset(size: number, lineHeight: number): number {
  const content = ((ascender - descender) * size) / unitsPerEm;
  return (lineHeight - content) / 2 + (ascender * size) / unitsPerEm;
}

/** The part of a line box that glyphs may cover: [top, bottom] relative to the baseline. */
export function glyphExtent(size: number): { above: number; below: number } {
  return { above: (ascender * size) / unitsPerEm, below: (-descender * size) / unitsPerEm };
}
