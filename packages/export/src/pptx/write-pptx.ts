import type { ChartDocument } from "@rolemap/contract";
import PptxGenJS from "pptxgenjs";
import { buildMatrixGrid } from "../matrix/matrix-grid";
import { addChartSlide, type ChartPicture } from "./chart-slide";
import { addMatrixSlides } from "./matrix-slides";

/** A 16:9 deck: the chart on slide 1, the responsibility matrix from slide 2 on. */
export async function writePptx(document: ChartDocument, chart: ChartPicture): Promise<Uint8Array> {
  const deck = new PptxGenJS();
  deck.layout = "LAYOUT_WIDE";
  deck.title = document.name;
  deck.author = "Rolemap";
  deck.company = "Rolemap";
  await addChartSlide(deck, document.name, chart);
  addMatrixSlides(deck, buildMatrixGrid(document));
  const output = await deck.write({ outputType: "nodebuffer", compression: true });
  if (!(output instanceof Uint8Array)) throw new Error("pptxgenjs did not return a Node buffer");
  return output;
}
