/**
 * Fixed sizes of the matrix grid in CSS pixels: windowing needs them to place what it
 * renders. Keep them in step with ResponsibilityMatrix.module.css (which reads them as
 * custom properties set by the grid).
 */
export const GRID_SIZES = {
  /** The sticky first column (responsibility name and category). */
  rowHeader: 264,
  /** One role column. */
  column: 96,
  /** The sticky last column with the row's counts. */
  counts: 136,
  /** The sticky header row (role titles). */
  header: 62,
  /** One responsibility row. */
  row: 44,
} as const;

/** The grid's size where it measures as nothing (tests: jsdom has no layout). */
export const FALLBACK_VIEWPORT = { width: 1280, height: 720 } as const;
