import type { ChartDocument } from "@rolemap/contract";
import { EDITOR_LAYOUT_OPTIONS } from "@rolemap/domain";
import type { RenderedChart } from "@rolemap/render";
import type PptxGenJS from "pptxgenjs";
import { pngZoom, rasterise } from "../rasterise";
import { silhouetteSvg } from "./overview-silhouette";
import { CHART_FRAME, DECK_FONT, MARGIN, PICTURE_DPI, TITLE } from "./slide-layout";

const CARD_WIDTH = EDITOR_LAYOUT_OPTIONS.nodeWidth;
/** Narrower than this (in the picture's pixels), a card's 17 px title is under 4 px. */
const READABLE_CARD_PX = 60;

/**
 * Slide 1: the chart name as the slide title and the whole chart as a PNG fitted into the
 * frame with its aspect kept, centred. A PNG rather than an SVG picture: PowerPoint shows
 * SVG only from 2016/365 on, Keynote, Google Slides and LibreOffice fall back to whatever
 * bitmap is stored beside it, and an SVG's text would be set in whatever font the viewing
 * machine has instead of Inter. The PNG is rendered at 300 dpi for the size it is shown
 * at, so it prints and projects crisply. A chart so large that its cards would be too
 * small to read is drawn as its silhouette (overview-silhouette.ts); the branch slides
 * that follow show it legibly.
 */
export async function addChartSlide(
  deck: PptxGenJS,
  name: string,
  chart: RenderedChart,
  document: ChartDocument,
): Promise<void> {
  const slide = deck.addSlide();
  slide.addText(name, {
    x: MARGIN,
    y: TITLE.y,
    w: CHART_FRAME.width,
    h: TITLE.height,
    fontFace: DECK_FONT,
    fontSize: 24,
    bold: true,
    color: "111827",
    margin: 0,
    fit: "shrink",
  });
  const fit = Math.min(CHART_FRAME.width / chart.width, CHART_FRAME.height / chart.height);
  const w = chart.width * fit;
  const h = chart.height * fit;
  // Pixels for 300 dpi at the shown size, at most the PNG export's largest scale (4).
  const zoom = pngZoom(chart.width, chart.height, Math.min(4, (w * PICTURE_DPI) / chart.width));
  // Cards too small to read are drawn as shapes alone: shaping thousands of texts nobody
  // can read was most of the time of a large chart's deck.
  const readable = CARD_WIDTH * zoom >= READABLE_CARD_PX;
  const png = await rasterise(readable ? chart.svg : silhouetteSvg(chart, document, zoom), zoom);
  slide.addImage({
    data: `image/png;base64,${Buffer.from(png).toString("base64")}`,
    x: CHART_FRAME.x + (CHART_FRAME.width - w) / 2,
    y: CHART_FRAME.y + (CHART_FRAME.height - h) / 2,
    w,
    h,
    altText: `Org chart: ${name}`,
  });
}
