import type { ChartDocument } from "@rolemap/contract";
import { buildLayoutForest, placeRoles, validateChart } from "@rolemap/domain";
import { badgesByRole } from "./findings-by-role";
import { appendixBlock } from "./parts/appendix";
import { chartPart } from "./parts/chart";
import { headingBlock } from "./parts/heading";
import { legendBlock } from "./parts/legend";
import { drawPage, type PageSection, renderedPage } from "./parts/page";
import { PAGE } from "./theme";
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
  const sections: PageSection[] = [];
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

  return renderedPage(drawPage(document.name, contentWidth, sections), chart);
}
