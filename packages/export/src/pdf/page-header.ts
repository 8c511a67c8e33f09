import { HEADER_HEIGHT, PAGE_MARGIN, type Size } from "./page-plan";
import { PDF_FONTS } from "./pdf-fonts";

const INK = "#111827";
const MUTED = "#4b5563";
const RULE = "#d1d5db";
const SIZE = 9;

/**
 * The line at the top of a page: the chart name on the left, what the page is on the
 * right ("Page 3 — row 1, column 2"), a hairline under both. Long names are cut with an
 * ellipsis so the two never overlap.
 */
export function drawPageHeader(
  doc: PDFKit.PDFDocument,
  paper: Size,
  chartName: string,
  label: string,
): void {
  const width = paper.width - 2 * PAGE_MARGIN;
  const top = PAGE_MARGIN;
  doc.font(PDF_FONTS.regular).fontSize(SIZE);
  const labelWidth = doc.widthOfString(label);
  doc.fillColor(MUTED).text(label, PAGE_MARGIN + width - labelWidth, top, { lineBreak: false });
  doc.font(PDF_FONTS.semiBold);
  const room = width - labelWidth - 24;
  doc.fillColor(INK).text(fitText(doc, chartName, room), PAGE_MARGIN, top, { lineBreak: false });
  const ruleY = top + HEADER_HEIGHT - 8;
  doc
    .moveTo(PAGE_MARGIN, ruleY)
    .lineTo(PAGE_MARGIN + width, ruleY)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}

/** The text, or as much of it as fits `width` at the current font, ending in "…". */
export function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const characters = [...text];
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${characters.slice(0, middle).join("").trimEnd()}…`) <= width)
      low = middle;
    else high = middle - 1;
  }
  return `${characters.slice(0, low).join("").trimEnd()}…`;
}
