import type { ChartDocument, ExportOptions } from "@rolemap/contract";
import { exportMatrixCsv } from "@rolemap/interchange";
import { renderForExport } from "./chart-svg";
import { CONTENT_TYPES, type ExportFile, exportFilename } from "./export-file";
import { exportFindings } from "./findings";
import { drawFindingsPages } from "./pdf/findings-pages";
import { writePdf } from "./pdf/write-pdf";
import { writePptx } from "./pptx/write-pptx";
import { pngZoom, rasterise } from "./rasterise";
import { writeXlsx } from "./xlsx/write-xlsx";

const utf8 = new TextEncoder();

/**
 * A chart as a file in one of the export formats. Always the whole chart (never a
 * viewport), drawn by @rolemap/render, with text in the Inter files it was measured with.
 * `options` are the parsed ExportOptionsSchema (defaults filled in); options a format does
 * not use are ignored (scale for PDF, page for PNG, …).
 */
export async function exportChart(
  document: ChartDocument,
  options: ExportOptions,
): Promise<ExportFile> {
  const body = await exportBody(document, options);
  return {
    body,
    contentType: CONTENT_TYPES[options.format],
    filename: exportFilename(document.name, options.format),
  };
}

async function exportBody(document: ChartDocument, options: ExportOptions): Promise<Uint8Array> {
  const findings = options.findings;
  switch (options.format) {
    case "json":
      return utf8.encode(JSON.stringify(document, null, 2));
    case "csv":
      return utf8.encode(exportMatrixCsv(document));
    case "svg":
      return utf8.encode(renderForExport(document, { findings, title: true, appendix: true }).svg);
    case "png": {
      const chart = renderForExport(document, { findings, title: true, appendix: true });
      return rasterise(chart.svg, pngZoom(chart.width, chart.height, options.scale));
    }
    case "pdf": {
      const listed = exportFindings(document, findings);
      return writePdf(
        document.name,
        renderForExport(document, { findings, title: true, appendix: false }),
        { page: options.page, fit: options.fit },
        listed === null
          ? null
          : (doc, paper, addPage) => drawFindingsPages(doc, paper, listed, addPage),
      );
    }
    case "pptx":
      return writePptx(
        document,
        renderForExport(document, { findings, title: false, appendix: false }),
        exportFindings(document, findings),
      );
    case "xlsx":
      return writeXlsx(document, exportFindings(document, findings));
  }
}
