/**
 * Where the presentation view (a projector) puts the chart: the whole chart if its card
 * titles are still large enough to read from the back of the room, otherwise the top of
 * the tree at the zoom that makes them so. Pure: sizes in, a React Flow viewport out.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PresentationFitInput {
  /** All visible cards, in flow coordinates. */
  chart: Rect;
  /** The cards of the top row (the roots): what stays in view when the chart does not fit. */
  top: Rect;
  /** The canvas pane, in screen pixels. */
  pane: { width: number; height: number };
  /** The card title's font size at zoom 1, in pixels (RoleNode.module.css). */
  titleFontSize: number;
  /** The title height the audience needs, in screen pixels. */
  minTitlePx?: number;
  /** Room kept free around the chart, in screen pixels. */
  padding?: number;
  /** Never zoom in further than this (a 3-role chart is not drawn at 4×). */
  maxZoom?: number;
}

export interface PresentationFit {
  x: number;
  y: number;
  zoom: number;
  /** Whether the whole chart is in view (else its top, centred on the roots). */
  isWholeChart: boolean;
}

/** The card title's font size at zoom 1: 1.0625rem (RoleNode.module.css `.title`). */
export const CARD_TITLE_FONT_SIZE = 17;
/** Titles on a projector: at least 16 px high. */
export const MIN_PRESENTATION_TITLE_PX = 16;

export function presentationFit({
  chart,
  top,
  pane,
  titleFontSize,
  minTitlePx = MIN_PRESENTATION_TITLE_PX,
  padding = 32,
  maxZoom = 1.5,
}: PresentationFitInput): PresentationFit {
  const room = {
    width: Math.max(1, pane.width - 2 * padding),
    height: Math.max(1, pane.height - 2 * padding),
  };
  const fitZoom = Math.min(
    room.width / Math.max(1, chart.width),
    room.height / Math.max(1, chart.height),
    maxZoom,
  );
  // Rounded up a little: the view's matrix may round 16 px titles down to 15.99999.
  const readableZoom = Math.min(Math.ceil((minTitlePx / titleFontSize) * 1000) / 1000, maxZoom);
  if (fitZoom >= readableZoom)
    return {
      zoom: fitZoom,
      x: pane.width / 2 - (chart.x + chart.width / 2) * fitZoom,
      y: pane.height / 2 - (chart.y + chart.height / 2) * fitZoom,
      isWholeChart: true,
    };
  // Too large to read whole: the top of the tree, centred on its roots, and as much of the
  // chart's width as the pane holds (never past its left or right edge where it fits).
  const zoom = readableZoom;
  const chartWidth = chart.width * zoom;
  let x = pane.width / 2 - (top.x + top.width / 2) * zoom;
  if (chartWidth <= room.width) x = pane.width / 2 - (chart.x + chart.width / 2) * zoom;
  else {
    const leftmost = padding - chart.x * zoom; // the chart's left edge at the pane's padding
    const rightmost = pane.width - padding - (chart.x + chart.width) * zoom;
    x = Math.min(leftmost, Math.max(rightmost, x));
  }
  const chartHeight = chart.height * zoom;
  const y =
    chartHeight <= room.height
      ? pane.height / 2 - (chart.y + chart.height / 2) * zoom
      : padding - top.y * zoom;
  return { zoom, x, y, isWholeChart: false };
}
