import SVGtoPDF from "svg-to-pdfkit";
import type { Size } from "./page-plan";
import { markSemiBold, pickPdfFont } from "./pdf-fonts";

/**
 * The chart drawn once into a PDF Form XObject (a reusable piece of page content), so the
 * overview and every tile show the same drawing through a clip and a scale instead of
 * each page carrying the whole chart again: a 50-tile PDF of a 1,000-role chart stays
 * the size of one drawing, and is written in the time of one.
 *
 * pdfkit has no public API for forms; like svg-to-pdfkit's own groups, the drawing is
 * captured by pointing `doc.page` at a stand-in whose content and resources are the
 * form's while svg-to-pdfkit draws.
 */
export interface ChartForm {
  name: string;
  size: Size;
  /** Draws the whole form on the current page with the current transform. */
  place(doc: PDFKit.PDFDocument): void;
}

interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: string): void;
  end(): void;
}
/** The parts of pdfkit's document that are not in its typings. */
interface DocumentInternals {
  page: unknown;
  _ctm: number[];
  ref(data?: Record<string, unknown>): PdfRef;
  addContent(data: string): PDFKit.PDFDocument;
}
interface PageResources {
  xobjects: Record<string, unknown>;
}

/** One form per document, so a fixed resource name. */
const FORM_NAME = "RolemapChart";

/**
 * `onWarning` hears what svg-to-pdfkit could not draw; the renderer uses nothing it lacks
 * (chart-form.test.ts checks), so exports ignore it.
 */
export function createChartForm(
  doc: PDFKit.PDFDocument,
  svg: string,
  size: Size,
  onWarning: (warning: string) => void = () => {},
): ChartForm {
  const internals = doc as unknown as DocumentInternals;
  const resources = internals.ref({ ProcSet: ["PDF", "Text", "ImageB", "ImageC", "ImageI"] });
  const form = internals.ref({
    Type: "XObject",
    Subtype: "Form",
    FormType: 1,
    BBox: [0, 0, size.width, size.height],
    Resources: resources,
  });
  const stand = {
    width: size.width,
    height: size.height,
    write: (chunk: string) => form.write(chunk),
    fonts: {},
    xobjects: {},
    ext_gstates: {},
    patterns: {},
    colorSpaces: {},
    annotations: [],
  };
  const savedPage = internals.page;
  const savedCtm = internals._ctm;
  internals.page = stand;
  internals._ctm = [1, 0, 0, 1, 0, 0];
  try {
    SVGtoPDF(doc as unknown as Parameters<typeof SVGtoPDF>[0], markSemiBold(svg), 0, 0, {
      width: size.width,
      height: size.height,
      assumePt: true,
      fontCallback: pickPdfFont,
      warningCallback: onWarning,
    });
  } finally {
    internals.page = savedPage;
    internals._ctm = savedCtm;
  }
  const sections: [string, Record<string, unknown>][] = [
    ["Font", stand.fonts],
    ["XObject", stand.xobjects],
    ["ExtGState", stand.ext_gstates],
    ["Pattern", stand.patterns],
    ["ColorSpace", stand.colorSpaces],
  ];
  for (const [key, entries] of sections)
    if (Object.keys(entries).length > 0) resources.data[key] = entries;
  resources.end();
  form.end();

  return {
    name: FORM_NAME,
    size: { width: size.width, height: size.height },
    place(target) {
      (target.page as unknown as PageResources).xobjects[FORM_NAME] = form;
      (target as unknown as DocumentInternals).addContent(`/${FORM_NAME} Do`);
    },
  };
}
