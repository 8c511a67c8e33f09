/**
 * Geometry of the deck, in inches, on PowerPoint's 16:9 "Widescreen" slide (13.333 × 7.5),
 * the default of current PowerPoint, Keynote and Google Slides.
 */
export const SLIDE = { width: 13.333, height: 7.5 } as const;

/** Left/right margin of every slide, and where the title sits. */
export const MARGIN = 0.4;
export const TITLE = { y: 0.25, height: 0.6 } as const;

/** Slide 1: the area the chart picture is fitted into, aspect kept. */
export const CHART_FRAME = {
  x: MARGIN,
  y: 1.0,
  width: SLIDE.width - 2 * MARGIN,
  height: SLIDE.height - 1.0 - 0.3,
} as const;

/** Matrix slides: where the table may go, and the legend strip under it. */
export const TABLE_FRAME = {
  x: MARGIN,
  y: 1.05,
  width: SLIDE.width - 2 * MARGIN,
  height: 5.5,
} as const;
export const LEGEND = { y: 6.8, height: 0.32 } as const;

/**
 * Table columns and type. 10 pt is the smallest size people read comfortably on a
 * projected slide; a role column of about an inch fits a short title per line.
 */
export const MATRIX_TYPE = {
  nameSize: 10,
  categorySize: 8,
  titleSize: 9,
  holderSize: 8,
  codeSize: 11,
} as const;
export const RESPONSIBILITY_COLUMN = 3.3;
export const MIN_ROLE_COLUMN = 0.95;
export const MAX_ROLE_COLUMN = 1.4;
/** Cell margin on each side. */
export const CELL_MARGIN = 0.05;

/** Resolution of the chart picture: print quality for the frame it is shown in. */
export const PICTURE_DPI = 300;

/** Arial: on every machine that opens a deck (Liberation Sans stands in, same metrics). */
export const DECK_FONT = "Arial";
