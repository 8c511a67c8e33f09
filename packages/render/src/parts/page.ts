import { FONT_STACK } from "../fonts";
import { SvgOutput } from "../svg/output";
import { cleanText, escapeXml } from "../text/xml-text";
import { COLORS, PAGE } from "../theme";
import type { RenderedChart } from "../types";
import type { Block } from "./block";
import { vacantPatternDef } from "./card";
import type { ChartPart } from "./chart";

export interface PageSection {
  block: Block;
  /** Centred in the content width (the chart), or at its left (headings, lists). */
  centred: boolean;
}

export interface DrawnPage {
  svg: string;
  width: number;
  height: number;
  /** Where a section's block was drawn (its top-left corner). */
  origins: Map<Block, { x: number; y: number }>;
}

/**
 * A standalone SVG of sections stacked top to bottom inside the page margin, on a white
 * background, with `title` as its <title>. Empty sections take no room.
 */
export function drawPage(
  title: string,
  contentWidth: number,
  sections: readonly PageSection[],
): DrawnPage {
  // Place the sections first: the SVG's size goes in its opening tag.
  const origins = new Map<Block, { x: number; y: number }>();
  let y = PAGE.margin;
  for (const { block, centred } of sections) {
    if (block.height === 0) continue;
    // Whole pixels, so card edges and lines fall on the pixel grid when rasterised.
    const x = PAGE.margin + (centred ? Math.round((contentWidth - block.width) / 2) : 0);
    origins.set(block, { x, y });
    y = Math.ceil(y + block.height) + PAGE.sectionGap;
  }
  const width = Math.ceil(contentWidth + 2 * PAGE.margin);
  const height = y - PAGE.sectionGap + PAGE.margin;

  const out = new SvgOutput();
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_STACK}">`,
    `<title>${escapeXml(cleanText(title))}</title>`,
    `<defs>${vacantPatternDef()}</defs>`,
    `<rect width="${width}" height="${height}" fill="${COLORS.background}"/>`,
  );
  for (const [block, at] of origins) block.draw(at.x, at.y, out);
  out.push("</svg>");
  return { svg: out.toString(), width, height, origins };
}

/** The page as a renderer's answer, with the boxes of the chart's cards where it was drawn. */
export function renderedPage(page: DrawnPage, chart: ChartPart): RenderedChart {
  const at = page.origins.get(chart) ?? { x: 0, y: 0 };
  return {
    svg: page.svg,
    width: page.width,
    height: page.height,
    boxes: chart.boxesAt(at.x, at.y),
  };
}
