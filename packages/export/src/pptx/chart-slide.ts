import type PptxGenJS from "pptxgenjs";
import { pngZoom, rasterise } from "../rasterise";
import { CHART_FRAME, DECK_FONT, MARGIN, PICTURE_DPI, TITLE } from "./slide-layout";

export interface ChartPicture {
  svg: string;
  width: number;
  height: number;
}

/**
 * Slide 1: the chart name as the slide title and the whole chart as a PNG fitted into the
 * frame with its aspect kept, centred. A PNG rather than an SVG picture: PowerPoint shows
 * SVG only from 2016/365 on, Keynote, Google Slides and LibreOffice fall back to whatever
 * bitmap is stored beside it, and an SVG's text would be set in whatever font the viewing
 * machine has instead of Inter. The PNG is rendered at 300 dpi for the size it is shown
 * at, so it prints and projects crisply.
 */
export async function addChartSlide(
  deck: PptxGenJS,
  name: string,
  chart: ChartPicture,
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
  const png = await rasterise(chart.svg, zoom);
  slide.addImage({
    data: `image/png;base64,${Buffer.from(png).toString("base64")}`,
    x: CHART_FRAME.x + (CHART_FRAME.width - w) / 2,
    y: CHART_FRAME.y + (CHART_FRAME.height - h) / 2,
    w,
    h,
    altText: `Org chart: ${name}`,
  });
}
