import type { ExportFormat, ExportOptions, PageSize, PdfFit } from "@rolemap/contract";
import { EXPORT_FORMATS } from "@rolemap/contract";
import { pngZoom } from "@rolemap/export/naming";

export interface ExportFormatInfo {
  format: ExportFormat;
  /** What people call it: "PowerPoint", not "pptx". */
  label: string;
  /** One line on what the file is for. */
  description: string;
  /** A picture of the chart (preview it as one) rather than the matrix or the document. */
  isPicture: boolean;
  /** Takes `findings` (badges and a findings list or sheet). */
  usesFindings: boolean;
}

const INFO: Record<ExportFormat, Omit<ExportFormatInfo, "format">> = {
  svg: {
    label: "SVG",
    description:
      "Vector picture of the whole chart: sharp at any size, for web pages and design tools.",
    isPicture: true,
    usesFindings: true,
  },
  png: {
    label: "PNG",
    description: "Image of the whole chart for slides, documents and chat.",
    isPicture: true,
    usesFindings: true,
  },
  pdf: {
    label: "PDF",
    description: "Landscape pages to print or share; text stays sharp.",
    isPicture: true,
    usesFindings: true,
  },
  pptx: {
    label: "PowerPoint",
    description: "A deck: the whole chart, a slide per branch, then the matrix, all editable.",
    isPicture: true,
    usesFindings: true,
  },
  json: {
    label: "JSON",
    description: "The chart document (rolemap.chart/v1): a backup that imports back exactly.",
    isPicture: false,
    usesFindings: false,
  },
  csv: {
    label: "Matrix CSV",
    description: "The responsibility matrix for any spreadsheet; imports back with Import matrix.",
    isPicture: false,
    usesFindings: false,
  },
  xlsx: {
    label: "Matrix Excel",
    description: "The matrix with coloured codes and a legend sheet.",
    isPicture: false,
    usesFindings: true,
  },
};

/** Every export format, in the order the dialog lists them. */
export const EXPORT_FORMAT_INFO: readonly ExportFormatInfo[] = EXPORT_FORMATS.map((format) => ({
  format,
  ...INFO[format],
}));

export const exportFormatInfo = (format: ExportFormat): ExportFormatInfo => ({
  format,
  ...INFO[format],
});

export const PAGE_LABELS: Record<PageSize, string> = { a4: "A4", letter: "Letter", a3: "A3" };

export const FIT_LABELS: Record<PdfFit, { label: string; hint: string }> = {
  pages: {
    label: "Split across pages",
    hint: "Readable print size; a large chart gets an overview page, then one page per part.",
  },
  "one-page": {
    label: "Fit on one page",
    hint: "The whole chart shrunk onto a single page.",
  },
};

export const PNG_SCALES = [1, 2, 3, 4] as const;

/** The API's defaults (ExportOptionsSchema), with PNG first: the usual pick for slides. */
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  format: "png",
  scale: 2,
  page: "a4",
  fit: "pages",
  findings: false,
};

/**
 * The pixel size of the PNG the API makes of a chart of `width` × `height` units at
 * `scale` (@rolemap/export's own `pngZoom`): a chart too large is shrunk, never cropped.
 */
export function pngPixelSize(width: number, height: number, scale: number) {
  const zoom = pngZoom(width, height, scale);
  return {
    width: Math.round(Math.max(width, 1) * zoom),
    height: Math.round(Math.max(height, 1) * zoom),
    isReduced: zoom < scale,
  };
}
