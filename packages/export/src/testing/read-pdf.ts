import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfPage {
  width: number;
  height: number;
  /** Every text item of the page joined by spaces (vector text only: images have none). */
  text: string;
}

export interface ReadPdf {
  info: Record<string, unknown>;
  pages: PdfPage[];
}

/** Opens a PDF with pdf.js (as a viewer would) and reads each page's size and text. */
export async function readPdf(body: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocument({
    data: new Uint8Array(body),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " ");
      pages.push({ width: right - left, height: top - bottom, text });
    }
    const metadata = await pdf.getMetadata();
    return { info: metadata.info as Record<string, unknown>, pages };
  } finally {
    await pdf.destroy();
  }
}
