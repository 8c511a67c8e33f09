import type { PageSize, PdfFit } from "@rolemap/contract";
import { cleanText, type RenderedChart } from "@rolemap/render";
import PDFDocument from "pdfkit";
import { createBlankTest } from "./blank-tiles";
import { type ChartForm, createChartForm } from "./chart-form";
import type { AddPage } from "./findings-pages";
import { drawTileGrid } from "./overview-grid";
import { drawPageHeader } from "./page-header";
import {
  contentBox,
  PAGE_MARGIN,
  type PdfPlan,
  type Placement,
  planPdfPages,
  type Rect,
  type Size,
} from "./page-plan";
import { registerPdfFonts } from "./pdf-fonts";

export interface PdfOptions {
  page: PageSize;
  fit: PdfFit;
}

/** Text pages after the chart (the findings; a comparison's changes), each begun by `addPage`. */
export type PdfAppendix = (doc: PDFKit.PDFDocument, paper: Size, addPage: AddPage) => void;

/**
 * A chart drawing as a PDF: one page, or an overview page and tiles (see page-plan.ts),
 * then the appendix pages, if any. The chart is vector throughout, its text set in the
 * embedded Inter; `title` (the chart's name) is the metadata's title and heads every page.
 */
export async function writePdf(
  title: string,
  chart: RenderedChart,
  options: PdfOptions,
  appendix: PdfAppendix | null,
): Promise<Uint8Array> {
  let plan = planPdfPages(chart, options.page, options.fit);
  if (plan.kind === "tiled")
    plan = planPdfPages(chart, options.page, options.fit, await createBlankTest(chart.svg, chart));

  // As the chart heading shows it: one line, nothing a PDF string or font cannot hold.
  const name = cleanText(title);
  const doc = new PDFDocument({
    size: [plan.paper.width, plan.paper.height],
    margin: PAGE_MARGIN,
    autoFirstPage: false,
    compress: true,
    displayTitle: true,
    lang: "en",
    info: { Title: name, Creator: "Rolemap", Producer: "Rolemap (pdfkit)" },
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  registerPdfFonts(doc);

  let pages = 0;
  const addPage = (label: (page: number) => string) => {
    doc.addPage();
    pages++;
    drawPageHeader(doc, plan.paper, name, label(pages));
  };

  addPage((page) => (plan.kind === "single" ? `Page ${page}` : overviewLabel(plan)));
  const form = createChartForm(doc, chart.svg, chart);
  if (plan.kind === "single") drawChart(doc, form, plan.placement);
  else drawTiles(doc, form, plan, addPage);

  appendix?.(doc, plan.paper, (label) =>
    addPage((page) => `Page ${page} — ${label.toLowerCase()}`),
  );

  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function overviewLabel(plan: Extract<PdfPlan, { kind: "tiled" }>): string {
  const printed = plan.tiles.filter((tile) => tile.page !== null).length;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `Page 1 — overview: ${count(printed, "page")} follow, ${count(plan.rows, "row")} × ${count(plan.columns, "column")}`;
}

/** The whole chart at a placement, clipped to nothing (it fits). */
function drawChart(doc: PDFKit.PDFDocument, form: ChartForm, at: Placement): void {
  doc.save().translate(at.x, at.y).scale(at.scale);
  form.place(doc);
  doc.restore();
}

function drawTiles(
  doc: PDFKit.PDFDocument,
  form: ChartForm,
  plan: Extract<PdfPlan, { kind: "tiled" }>,
  addPage: (label: (page: number) => string) => void,
): void {
  for (const strip of plan.overview) {
    const { region, placement } = strip;
    drawRegion(
      doc,
      form,
      region,
      {
        x: placement.x,
        y: placement.y,
        width: region.width * placement.scale,
        height: region.height * placement.scale,
      },
      placement.scale,
    );
    drawTileGrid(doc, strip, plan.tiles, plan.step);
  }

  const box = contentBox(plan.paper);
  for (const tile of plan.tiles) {
    if (tile.page === null) continue;
    addPage((page) => `Page ${page} — row ${tile.row + 1}, column ${tile.column + 1}`);
    drawRegion(doc, form, tile.region, box, plan.tileScale);
  }
}

/** The part of the chart in `region`, scaled into `box` and clipped to it. */
function drawRegion(
  doc: PDFKit.PDFDocument,
  form: ChartForm,
  region: Rect,
  box: Rect,
  scale: number,
): void {
  doc.save().rect(box.x, box.y, box.width, box.height).clip();
  doc.translate(box.x - region.x * scale, box.y - region.y * scale).scale(scale);
  form.place(doc);
  doc.restore();
}
