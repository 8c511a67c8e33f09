import type { Finding, Severity } from "@rolemap/contract";
import { cleanText } from "@rolemap/render";
import { contentBox, type Size } from "./page-plan";
import { PDF_FONTS } from "./pdf-fonts";

/** What the appendix needs from the writer: a fresh page with its header line. */
export type AddPage = (label: string) => void;

/** A chip's words and colours (a severity, or what a comparison did to a finding). */
export interface PdfChip {
  label: string;
  text: string;
  fill: string;
}

export interface FindingsPagesOptions {
  /** Default "Findings". */
  title?: string;
  /** Default: the count per severity. */
  summary?: string;
  /** A first column headed `header` with each finding's chip (by its index): fixed, new. */
  status?: { header: string; chipOf(index: number): PdfChip };
}

const INK = "#111827";
const MUTED = "#4b5563";
const RULE = "#e5e7eb";
/** The renderer's severity colours (its theme), so badges and chips match. */
export const SEVERITY: Record<Severity, { label: string; text: string; fill: string }> = {
  error: { label: "Error", text: "#991b1b", fill: "#fee2e2" },
  warning: { label: "Warning", text: "#854d0e", fill: "#fef3c7" },
  info: { label: "Info", text: "#1e3a8a", fill: "#dbeafe" },
};
const SEVERITY_WIDTH = 62;
const STATUS_WIDTH = 56;
const RULE_WIDTH = 190;
const GAP = 12;
const ROW_PADDING = 5;
const MESSAGE_SIZE = 9.5;
const RULE_SIZE = 8.5;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function summariseFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return "None: the chart passes every rule.";
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, "error"));
  if (counts.warning > 0) parts.push(plural(counts.warning, "warning"));
  if (counts.info > 0) parts.push(`${counts.info} info`);
  return `${plural(findings.length, "finding")}: ${parts.join(", ")}.`;
}

/**
 * The findings appendix as real PDF text (searchable, selectable, wraps to the page):
 * a heading and the counts, then one row per finding, severity chip, rule id, message,
 * continued over as many pages as it takes, with the column heads repeated on each.
 */
export function drawFindingsPages(
  doc: PDFKit.PDFDocument,
  paper: Size,
  findings: readonly Finding[],
  addPage: AddPage,
  options: FindingsPagesOptions = {},
): void {
  const { title = "Findings", summary = summariseFindings(findings), status } = options;
  const box = contentBox(paper);
  const bottom = box.y + box.height;
  const severityX = box.x + (status === undefined ? 0 : STATUS_WIDTH + GAP);
  const ruleX = severityX + SEVERITY_WIDTH + GAP;
  const messageX = ruleX + RULE_WIDTH + GAP;
  const messageWidth = box.x + box.width - messageX;

  addPage(title);
  doc.font(PDF_FONTS.bold).fontSize(18).fillColor(INK).text(title, box.x, box.y);
  doc.moveDown(0.2).font(PDF_FONTS.regular).fontSize(11).fillColor(MUTED);
  doc.text(summary, box.x, doc.y, { width: box.width });
  let y = doc.y + 12;

  const columnHeads = () => {
    doc.font(PDF_FONTS.bold).fontSize(8).fillColor(MUTED);
    if (status !== undefined) doc.text(status.header, box.x, y, { lineBreak: false });
    doc.text("SEVERITY", severityX, y, { lineBreak: false });
    doc.text("RULE", ruleX, y, { lineBreak: false });
    doc.text("FINDING", messageX, y, { lineBreak: false });
    y += 14;
    hairline(doc, box.x, y, box.width, "#d1d5db");
  };
  if (findings.length > 0) columnHeads();

  for (const [index, finding] of findings.entries()) {
    // Messages quote names and titles: on one paragraph, as the chart's appendix shows them.
    const message = cleanText(finding.message);
    doc.font(PDF_FONTS.regular).fontSize(MESSAGE_SIZE);
    const messageHeight = doc.heightOfString(message, { width: messageWidth });
    doc.font(PDF_FONTS.semiBold).fontSize(RULE_SIZE);
    const ruleHeight = doc.heightOfString(finding.rule, { width: RULE_WIDTH });
    const height = Math.max(messageHeight, ruleHeight, 14) + 2 * ROW_PADDING;
    if (y + height > bottom) {
      addPage(`${title} (continued)`);
      y = box.y;
      columnHeads();
    }
    const top = y + ROW_PADDING;
    if (status !== undefined) drawChip(doc, status.chipOf(index), box.x, top);
    drawChip(doc, SEVERITY[finding.severity], severityX, top);
    doc.font(PDF_FONTS.semiBold).fontSize(RULE_SIZE).fillColor(MUTED);
    doc.text(finding.rule, ruleX, top + 1, { width: RULE_WIDTH });
    doc.font(PDF_FONTS.regular).fontSize(MESSAGE_SIZE).fillColor(INK);
    doc.text(message, messageX, top, { width: messageWidth });
    y += height;
    hairline(doc, box.x, y, box.width, RULE);
  }
}

/** A rounded chip, 12 pt high, with its top-left corner at (x, top). */
export function drawChip(doc: PDFKit.PDFDocument, chip: PdfChip, x: number, top: number): void {
  const { label, text, fill } = chip;
  doc.font(PDF_FONTS.bold).fontSize(7.5);
  const width = doc.widthOfString(label) + 10;
  doc.save().roundedRect(x, top, width, 12, 6).fillAndStroke(fill, text).restore();
  doc.fillColor(text).text(label, x + 5, top + 2.2, { lineBreak: false });
}

export function hairline(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  color: string,
) {
  doc
    .save()
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.5)
    .strokeColor(color)
    .stroke()
    .restore();
}
