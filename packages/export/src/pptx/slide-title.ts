import type PptxGenJS from "pptxgenjs";
import { DECK_FONT, MARGIN, SLIDE, TITLE } from "./slide-layout";

/** The title line every slide after the overview has: bold, 22 pt, shrunk to fit one line. */
export function addSlideTitle(slide: PptxGenJS.Slide, title: string): void {
  slide.addText(title, {
    x: MARGIN,
    y: TITLE.y,
    w: SLIDE.width - 2 * MARGIN,
    h: TITLE.height,
    fontFace: DECK_FONT,
    fontSize: 22,
    bold: true,
    color: "111827",
    margin: 0,
    fit: "shrink",
  });
}
