import type { ChartDocument } from "@rolemap/contract";
import { buildLayoutForest, placeRoles, validateChart } from "@rolemap/domain";
import { badgesByRole } from "./findings-by-role";
import { FONT_STACK } from "./fonts";
import { appendixBlock } from "./parts/appendix";
import type { Block } from "./parts/block";
import { vacantPatternDef } from "./parts/card";
import { chartPart } from "./parts/chart";
import { headingBlock } from "./parts/heading";
import { legendBlock } from "./parts/legend";
import { SvgOutput } from "./svg/output";
import { cleanText, escapeXml } from "./text/xml-text";
import { COLORS, PAGE } from "./theme";
import type { RenderedChart, RenderOptions } from "./types";

/**
 * The whole chart as one standalone SVG: heading, legend, every card and line, and the
 * findings appendix, top to bottom, inside a margin. The view box covers all of it, never
 * a viewport. Pure and deterministic: the same document and options give the same string,
 * in the browser and in Node. Roles keep their editor positions; roles without one are
 * placed as the editor places them. O(roles + lines + findings).
 */
export function renderChartSvg(
  document: ChartDocument,
  options: RenderOptions = {},
): RenderedChart {
  const withFindings = options.findings ?? false;
  const findings = withFindings ? validateChart(document) : [];
  const forest = buildLayoutForest(document);
  const positions = placeRoles(document, forest);
  const chart = chartPart(document, forest, positions, badgesByRole(findings));

  const contentWidth = Math.max(
    chart.width,
    PAGE.minContentWidth,
    withFindings ? PAGE.minAppendixWidth : 0,
  );
  const sections: { block: Block; centred: boolean }[] = [];
  if (options.title ?? true)
    sections.push({ block: headingBlock(document.name, contentWidth), centred: false });
  if (options.legend ?? true)
    sections.push({ block: legendBlock(contentWidth, withFindings), centred: false });
  sections.push({ block: chart, centred: true });
  if (withFindings)
    sections.push({
      block: appendixBlock(findings, Math.min(contentWidth, PAGE.maxAppendixWidth)),
      centred: false,
    });

  // Place the sections first: the SVG's size goes in its opening tag.
  const placed: { block: Block; x: number; y: number }[] = [];
  let y = PAGE.margin;
  for (const { block, centred } of sections) {
    if (block.height === 0) continue;
    // Whole pixels, so card edges and lines fall on the pixel grid when rasterised.
    const x = PAGE.margin + (centred ? Math.round((contentWidth - block.width) / 2) : 0);
    placed.push({ block, x, y });
    y = Math.ceil(y + block.height) + PAGE.sectionGap;
  }
  const width = Math.ceil(contentWidth + 2 * PAGE.margin);
  const height = y - PAGE.sectionGap + PAGE.margin;

  const out = new SvgOutput();
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_STACK}">`,
    `<title>${escapeXml(cleanText(document.name))}</title>`,
    `<defs>${vacantPatternDef()}</defs>`,
    `<rect width="${width}" height="${height}" fill="${COLORS.background}"/>`,
  );
  let chartAt = { x: 0, y: 0 };
  for (const { block, x, y: top } of placed) {
    if (block === chart) chartAt = { x, y: top };
    block.draw(x, top, out);
  }
  out.push("</svg>");
  const svg = out.toString();
  return { svg, width, height, boxes: chart.boxesAt(chartAt.x, chartAt.y) };
}
