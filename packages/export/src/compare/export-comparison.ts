import type { ChartDocument, Comparison, ComparisonExportQuery, PageSize } from "@rolemap/contract";
import {
  comparisonTitle,
  DELTA_STYLES,
  describeComparison,
  describeFindingsDelta,
  FINDINGS_DELTA_TITLE,
  renderComparisonSvg,
  summariseComparison,
} from "@rolemap/render";
import { CONTENT_TYPES, comparisonFilename, type ExportFile } from "../export-file";
import { drawFindingsPages, type PdfChip } from "../pdf/findings-pages";
import { contentBox, fitScale, PAPER } from "../pdf/page-plan";
import { writePdf } from "../pdf/write-pdf";
import { pngZoom, rasterise } from "../rasterise";
import { drawChangesPages } from "./changes-pages";

export interface ComparisonExportOptions {
  format: ComparisonExportQuery["format"];
  /** PNG pixels per chart unit; default 2. */
  scale?: number;
  /** PDF paper (landscape); default A4. */
  page?: PageSize;
}

const utf8 = new TextEncoder();

/**
 * A comparison is for a deck: its chart gets one page when the cards' smallest text (the
 * department, 14 px) still prints at 4.2 pt or more, a size to read on a screen or a
 * projector; a larger chart gets an overview and tiles at the readable scale, as a chart's
 * PDF does (page-plan.ts).
 */
const DECK_SCALE = 0.3;

/**
 * What the scenario `b` changes relative to `a`, as a file for the deck after the workshop:
 * the drawing of renderComparisonSvg (the scenario with its marks, the changes in words and
 * the findings fixed and new) as SVG or PNG; as PDF the marked chart on its page (or an
 * overview and tiles, as a chart's PDF), then the changes and the findings delta as text
 * pages. `comparison` is `compareCharts(a, b)`. Named "<a>-vs-<b>.<format>".
 */
export async function exportComparison(
  a: ChartDocument,
  b: ChartDocument,
  comparison: Comparison,
  options: ComparisonExportOptions,
): Promise<ExportFile> {
  return {
    body: await comparisonBody(a, b, comparison, options),
    contentType: CONTENT_TYPES[options.format],
    filename: comparisonFilename(a.name, b.name, options.format),
  };
}

async function comparisonBody(
  a: ChartDocument,
  b: ChartDocument,
  comparison: Comparison,
  { format, scale = 2, page = "a4" }: ComparisonExportOptions,
): Promise<Uint8Array> {
  switch (format) {
    case "svg":
      return utf8.encode(renderComparisonSvg(a, b, comparison).svg);
    case "png": {
      const drawing = renderComparisonSvg(a, b, comparison);
      return rasterise(drawing.svg, pngZoom(drawing.width, drawing.height, scale));
    }
    case "pdf":
      return writeComparisonPdf(a, b, comparison, page);
  }
}

/** The chart with its marks on its page(s), then the changes and the findings delta as text. */
function writeComparisonPdf(
  a: ChartDocument,
  b: ChartDocument,
  comparison: Comparison,
  page: PageSize,
): Promise<Uint8Array> {
  const chart = renderComparisonSvg(a, b, comparison, { lists: false });
  const fit = fitScale(chart, contentBox(PAPER[page])) >= DECK_SCALE ? "one-page" : "pages";
  const { fixed, new: opened } = comparison.findings;
  const chip = (status: "fixed" | "new"): PdfChip => {
    const { label, ink, fill } = DELTA_STYLES[status];
    return { label, text: ink, fill };
  };
  return writePdf(comparisonTitle(a, b), chart, { page, fit }, (doc, paper, addPage) => {
    const sections = describeComparison(a, b, comparison);
    drawChangesPages(doc, paper, sections, summariseComparison(comparison), addPage);
    drawFindingsPages(doc, paper, [...fixed, ...opened], addPage, {
      title: FINDINGS_DELTA_TITLE,
      summary: describeFindingsDelta(comparison.findings),
      status: {
        header: "CHANGE",
        chipOf: (index) => chip(index < fixed.length ? "fixed" : "new"),
      },
    });
  });
}
