import { INTER_FILES } from "../fonts";

/**
 * The Inter weights registered in every PDF, by the names pdfkit knows them by. Embedded
 * (subset) so text is vector, searchable and set in the renderer's font everywhere.
 */
export const PDF_FONTS = {
  regular: "Inter",
  semiBold: "Inter-SemiBold",
  bold: "Inter-Bold",
} as const;

export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(PDF_FONTS.regular, INTER_FILES[400]);
  doc.registerFont(PDF_FONTS.semiBold, INTER_FILES[600]);
  doc.registerFont(PDF_FONTS.bold, INTER_FILES[700]);
}

/**
 * svg-to-pdfkit reduces every font-weight to bold or not (600 and 700 are both "bold"), so
 * the semi-bold text of the renderer is marked with a family of its own first.
 */
export function markSemiBold(svg: string): string {
  return svg.replaceAll(
    'font-weight="600"',
    `font-family="${PDF_FONTS.semiBold}" font-weight="600"`,
  );
}

/** svg-to-pdfkit's fontCallback: every family maps to the Inter weight it asks for. */
export function pickPdfFont(family: string, bold: boolean): string {
  if (family.includes(PDF_FONTS.semiBold)) return PDF_FONTS.semiBold;
  return bold ? PDF_FONTS.bold : PDF_FONTS.regular;
}
