import type { ChangeSection } from "@rolemap/render";
import { MARK_STYLES } from "@rolemap/render";
import { type AddPage, drawChip, hairline } from "../pdf/findings-pages";
import { contentBox, type Size } from "../pdf/page-plan";
import { PDF_FONTS } from "../pdf/pdf-fonts";

const INK = "#111827";
const MUTED = "#4b5563";
const RULE = "#e5e7eb";
const CHIP_COLUMN = 72;
const ROW_PADDING = 5;
const TEXT_SIZE = 9.5;

/**
 * A comparison's changes in words as PDF text (searchable, wraps to the page): a heading
 * and the counts, then each section's title and one row per change, a chip saying what kind
 * ("+ Added") and the words; continued over as many pages as it takes, the section's title
 * repeated on a new page. The lines come from describeComparison, so the PNG's list and the
 * PDF's say the same.
 */
export function drawChangesPages(
  doc: PDFKit.PDFDocument,
  paper: Size,
  sections: readonly ChangeSection[],
  summary: string,
  addPage: AddPage,
): void {
  const box = contentBox(paper);
  const bottom = box.y + box.height;
  const textX = box.x + CHIP_COLUMN;
  const textWidth = box.x + box.width - textX;

  addPage("Changes");
  doc.font(PDF_FONTS.bold).fontSize(18).fillColor(INK).text("Changes", box.x, box.y);
  doc.moveDown(0.2).font(PDF_FONTS.regular).fontSize(11).fillColor(MUTED);
  doc.text(summary, box.x, doc.y, { width: box.width });
  let y = doc.y + 6;
  if (sections.length === 0) {
    doc
      .font(PDF_FONTS.regular)
      .fontSize(TEXT_SIZE + 1)
      .fillColor(INK);
    doc.text("None: the two charts are the same.", box.x, y + 6, { width: box.width });
    return;
  }

  const sectionTitle = (title: string) => {
    y += 10;
    doc
      .font(PDF_FONTS.bold)
      .fontSize(12)
      .fillColor(INK)
      .text(title, box.x, y, { lineBreak: false });
    y += 18;
    hairline(doc, box.x, y, box.width, "#d1d5db");
  };
  for (const section of sections) {
    // A section title is never the last line of a page.
    if (y + 60 > bottom) {
      addPage("Changes (continued)");
      y = box.y - 10;
    }
    sectionTitle(section.title);
    for (const item of section.items) {
      doc.font(PDF_FONTS.regular).fontSize(TEXT_SIZE);
      const height =
        Math.max(doc.heightOfString(item.text, { width: textWidth }), 14) + 2 * ROW_PADDING;
      if (y + height > bottom) {
        addPage("Changes (continued)");
        y = box.y - 10;
        sectionTitle(`${section.title} (continued)`);
      }
      const top = y + ROW_PADDING;
      const style = MARK_STYLES[item.mark];
      drawChip(doc, { label: style.chip, text: style.ink, fill: style.fill }, box.x, top);
      doc.font(PDF_FONTS.regular).fontSize(TEXT_SIZE).fillColor(INK);
      doc.text(item.text, textX, top, { width: textWidth });
      y += height;
      hairline(doc, box.x, y, box.width, RULE);
    }
    if (section.note !== undefined) {
      doc.font(PDF_FONTS.regular).fontSize(8.5).fillColor(MUTED);
      doc.text(section.note, box.x, y + 4, { width: box.width });
      y = doc.y;
    }
  }
}
