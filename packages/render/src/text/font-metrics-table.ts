/** The shape of a generated advance-width table (see scripts/generate-metrics.ts). */
export interface FontMetricsTable {
  unitsPerEm: number;
  /** Vertical metrics in font units (descender negative), shared by every weight. */
  ascender: number;
  descender: number;
  capHeight: number;
  /** The width value that marks a code point of a range with no glyph in the font. */
  noGlyph: number;
  weights: Record<FontWeight, WeightMetrics>;
}

export type FontWeight = 400 | 600 | 700;

export interface WeightMetrics {
  /** Advance for a code point outside every range, in font units. */
  fallback: number;
  /** [first code point, advance of each consecutive code point in font units]. */
  ranges: readonly (readonly [number, readonly number[]])[];
}
