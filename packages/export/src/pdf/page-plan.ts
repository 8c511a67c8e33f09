import type { PageSize, PdfFit } from "@rolemap/contract";

/**
 * Where a chart goes on PDF pages. Everything here is in PDF points (1/72 in) except
 * chart sizes and regions, which are the renderer's SVG units (CSS pixels); a scale is
 * points per chart unit (0.75 is the editor's 100% zoom on paper).
 */

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

/** Paper sizes, landscape (ISO 216 and US Letter). */
export const PAPER: Readonly<Record<PageSize, Size>> = {
  a4: { width: 841.89, height: 595.28 },
  letter: { width: 792, height: 612 },
  a3: { width: 1190.55, height: 841.89 },
};

/** 10 mm: inside what office printers can print, and room to trim or tape tiles. */
export const PAGE_MARGIN = 28.35;
/** The line at the top of every page that names the chart and the page. */
export const HEADER_HEIGHT = 22;
/** Tiles overlap by 10 mm, so a card cut at a seam is whole on one side or the other. */
export const TILE_OVERLAP = 28.35;

/**
 * The smallest scale at which a chart is readable on paper: the smallest card text (the
 * department, 14 px) prints at 6.3 pt, the usual floor for legible print, and a card is
 * about 39 mm wide (60% of the editor's 100% zoom). A chart that fits on one page at this
 * scale or larger gets one page; otherwise it is split into tiles at this scale.
 */
export const READABLE_SCALE = 0.45;
/** A small chart is not blown up past 100% zoom (a card about 66 mm wide). */
export const MAX_SCALE = 0.75;

/** The part of a page below the header and inside the margins. */
export function contentBox(paper: Size): Rect {
  return {
    x: PAGE_MARGIN,
    y: PAGE_MARGIN + HEADER_HEIGHT,
    width: paper.width - 2 * PAGE_MARGIN,
    height: paper.height - 2 * PAGE_MARGIN - HEADER_HEIGHT,
  };
}

/** The scale that fits `chart` into `box` whole. */
export function fitScale(chart: Size, box: Size): number {
  return Math.min(box.width / Math.max(chart.width, 1), box.height / Math.max(chart.height, 1));
}

/** A chart drawn whole at `scale` with its top-left corner at (x, y) on the page. */
export interface Placement {
  scale: number;
  x: number;
  y: number;
}

/** The chart centred in the box at `scale`. */
export function centre(chart: Size, box: Rect, scale: number): Placement {
  return {
    scale,
    x: box.x + (box.width - chart.width * scale) / 2,
    y: box.y + (box.height - chart.height * scale) / 2,
  };
}

/** One cell of the tile grid: the part of the chart (in chart units) a tile page shows. */
export interface Tile {
  row: number;
  column: number;
  region: Rect;
  /** Its page number in the PDF (the overview is page 1), or null when it shows nothing. */
  page: number | null;
}

/**
 * A band of the overview: the chart's tile columns `columns` (a half-open range), whose
 * part of the chart is `region`, drawn at `placement`.
 */
export interface OverviewStrip {
  columns: { start: number; end: number };
  region: Rect;
  placement: Placement;
}

/** Space between the strips of an overview. */
export const STRIP_GAP = 14;

export type PdfPlan =
  | { kind: "single"; paper: Size; placement: Placement }
  | {
      kind: "tiled";
      paper: Size;
      /**
       * Page 1: the whole chart shrunk, with the tile grid over it; a chart much wider
       * than the page is cut into strips of whole tile columns stacked like lines of
       * text, so the overview is as large as the page allows.
       */
      overview: OverviewStrip[];
      /** Chart units from one tile's start to the next's (the tile less the overlap). */
      step: Size;
      /** Every tile page draws the chart at this scale. */
      tileScale: number;
      rows: number;
      columns: number;
      /** Row by row, left to right. */
      tiles: Tile[];
    };

/**
 * "one-page": the whole chart fitted onto one page (shrunk as far as it takes).
 * "pages": one page when the chart fits at READABLE_SCALE or larger; otherwise an overview
 * page and a grid of tiles at READABLE_SCALE, enlarged just enough that the chart fills
 * the grid's last row or column (so no scale is wasted on half-empty tiles). Tiles that
 * `isBlank` says show nothing get no page.
 */
export function planPdfPages(
  chart: Size,
  page: PageSize,
  fit: PdfFit,
  isBlank: (region: Rect) => boolean = () => false,
): PdfPlan {
  const paper = PAPER[page];
  const box = contentBox(paper);
  const whole = fitScale(chart, box);
  if (fit === "one-page" || whole >= READABLE_SCALE)
    return { kind: "single", paper, placement: centre(chart, box, Math.min(whole, MAX_SCALE)) };

  const stepX = box.width - TILE_OVERLAP;
  const stepY = box.height - TILE_OVERLAP;
  const count = (length: number, step: number) =>
    Math.max(1, Math.ceil((length * READABLE_SCALE - TILE_OVERLAP) / step));
  const columns = count(chart.width, stepX);
  const rows = count(chart.height, stepY);
  const tileScale = Math.min(
    MAX_SCALE,
    (columns * stepX + TILE_OVERLAP) / Math.max(chart.width, 1),
    (rows * stepY + TILE_OVERLAP) / Math.max(chart.height, 1),
  );

  const step = { width: stepX / tileScale, height: stepY / tileScale };
  const tiles: Tile[] = [];
  let next = 2;
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++) {
      const region = {
        x: column * step.width,
        y: row * step.height,
        width: box.width / tileScale,
        height: box.height / tileScale,
      };
      tiles.push({ row, column, region, page: isBlank(region) ? null : next++ });
    }
  return {
    kind: "tiled",
    paper,
    overview: planOverview(chart, box, columns, step.width),
    step,
    tileScale,
    rows,
    columns,
    tiles,
  };
}

/**
 * The overview's strips: as many bands of whole tile columns as make the drawing
 * largest (one band, the whole chart centred, for a chart no wider than the page).
 */
export function planOverview(
  chart: Size,
  box: Rect,
  columns: number,
  stepWidth: number,
): OverviewStrip[] {
  let best = { strips: 1, perStrip: columns, scale: fitScale(chart, box) };
  for (let strips = 2; strips <= columns; strips++) {
    const perStrip = Math.ceil(columns / strips);
    // Skip counts that leave a strip empty (10 columns in 4 strips of 3 is 4 strips).
    if (Math.ceil(columns / perStrip) !== strips) continue;
    const width = Math.min(chart.width, perStrip * stepWidth);
    const height = strips * chart.height;
    const scale = Math.min(box.width / width, (box.height - (strips - 1) * STRIP_GAP) / height);
    if (scale > best.scale) best = { strips, perStrip, scale };
  }
  if (best.strips === 1) {
    const placement = centre(chart, box, best.scale);
    return [{ columns: { start: 0, end: columns }, region: { x: 0, y: 0, ...chart }, placement }];
  }
  const { strips, perStrip, scale } = best;
  const stackHeight = strips * chart.height * scale + (strips - 1) * STRIP_GAP;
  const top = box.y + (box.height - stackHeight) / 2;
  return Array.from({ length: strips }, (_, index) => {
    const start = index * perStrip;
    const end = Math.min(columns, start + perStrip);
    const x = start * stepWidth;
    const region = {
      x,
      y: 0,
      width: Math.min(chart.width, end * stepWidth) - x,
      height: chart.height,
    };
    return {
      columns: { start, end },
      region,
      placement: { scale, x: box.x, y: top + index * (chart.height * scale + STRIP_GAP) },
    };
  });
}
