import type { ChartDocument } from "@rolemap/contract";
import { cleanText } from "@rolemap/render";
import PptxGenJS from "pptxgenjs";
import { buildMatrixGrid } from "../matrix/matrix-grid";
import { addChartSlide, type ChartPicture } from "./chart-slide";
import { addMatrixSlides } from "./matrix-slides";

/**
 * A 16:9 deck: the chart on slide 1, the responsibility matrix from slide 2 on. Every text
 * from the chart goes in as `cleanText` makes it (as the chart picture shows it): pptxgenjs
 * escapes markup but writes control characters, which make PowerPoint refuse the file.
 */
export async function writePptx(document: ChartDocument, chart: ChartPicture): Promise<Uint8Array> {
  const deck = new PptxGenJS();
  deck.layout = "LAYOUT_WIDE";
  const name = cleanText(document.name);
  deck.title = name;
  deck.author = "Rolemap";
  deck.company = "Rolemap";
  await addChartSlide(deck, name, chart);
  addMatrixSlides(deck, buildMatrixGrid(document));
  const output = await deck.write({ outputType: "nodebuffer", compression: true });
  if (!(output instanceof Uint8Array)) throw new Error("pptxgenjs did not return a Node buffer");
  return output;
}
