import type { OverviewStrip, Size, Tile } from "./page-plan";
import { PDF_FONTS } from "./pdf-fonts";

const GRID = "#2563eb";
const SKIPPED = "#9ca3af";
const LABEL_FILL = "#ffffff";

/**
 * The tile grid over one strip of the overview: each cell outlines the part of the chart its page
 * starts with (cells are the tiles without their overlap, so they do not cover each
 * other) and carries its page number in its corner. Cells that got no page (nothing to print) are
 * dashed grey, without a number.
 */
export function drawTileGrid(
  doc: PDFKit.PDFDocument,
  strip: OverviewStrip,
  tiles: readonly Tile[],
  step: Size,
): void {
  const { region, placement } = strip;
  const { scale } = placement;
  for (const tile of tiles) {
    if (tile.column < strip.columns.start || tile.column >= strip.columns.end) continue;
    const left = tile.column * step.width;
    const top = tile.row * step.height;
    const width = Math.min(step.width, region.x + region.width - left);
    const height = Math.min(step.height, region.y + region.height - top);
    if (width <= 0 || height <= 0) continue;
    const x = placement.x + (left - region.x) * scale;
    const y = placement.y + (top - region.y) * scale;
    const w = width * scale;
    const h = height * scale;
    doc.save();
    if (tile.page === null) doc.dash(2, { space: 2 }).strokeColor(SKIPPED).lineWidth(0.5);
    else doc.strokeColor(GRID).lineWidth(0.75);
    doc.rect(x, y, w, h).stroke();
    doc.restore();
    if (tile.page !== null) drawNumber(doc, String(tile.page), x, y, w, h);
  }
}

/**
 * The page number in the cell's top-left corner on a white chip, small enough to leave
 * the chart under it readable, and never larger than the cell.
 */
function drawNumber(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  cellWidth: number,
  cellHeight: number,
): void {
  const size = Math.max(3, Math.min(9, cellHeight * 0.4, cellWidth / (text.length * 0.7 + 0.8)));
  doc.font(PDF_FONTS.bold).fontSize(size);
  const width = doc.widthOfString(text);
  const pad = size * 0.3;
  doc
    .save()
    .rect(x, y, width + 2 * pad, size * 1.3)
    .fillOpacity(0.9)
    .fill(LABEL_FILL)
    .restore();
  doc.fillColor(GRID).text(text, x + pad, y + size * 0.1, { lineBreak: false });
}
