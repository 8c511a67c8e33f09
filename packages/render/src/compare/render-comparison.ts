import type { ChartDocument, Comparison } from "@rolemap/contract";
import { appendixBlock, type StatusChip } from "../parts/appendix";
import type { Block } from "../parts/block";
import { chartPart } from "../parts/chart";
import { headingBlock, type ParagraphStyle, paragraphBlock } from "../parts/heading";
import { CHART_LEGEND_ITEMS, legendOf } from "../parts/legend";
import { drawPage, type PageSection, renderedPage } from "../parts/page";
import { cleanText } from "../text/xml-text";
import { COLORS, PAGE } from "../theme";
import type { RenderedChart } from "../types";
import { changesBlock } from "./changes-block";
import {
  describeComparison,
  describeFindingsDelta,
  FINDINGS_DELTA_TITLE,
  summariseComparison,
} from "./describe-changes";
import { COMPARISON_LEGEND_ITEMS, comparisonMarks, DELTA_STYLES } from "./marks";
import { overlayComparison } from "./overlay";

export interface ComparisonRenderOptions {
  /** Default true. "<a> → <b>" as the heading, with the changes counted under it. */
  title?: boolean;
  /** Default true. What the marks, lines and vacant cards mean. */
  legend?: boolean;
  /**
   * Default true. The list of changes in words and the findings fixed and new, under the
   * chart (the PDF sets them as text pages instead).
   */
  lists?: boolean;
}

/** The counts under the heading. */
const SUMMARY: ParagraphStyle = {
  part: "summary",
  style: { size: 16, weight: 400 },
  lineHeight: 24,
  color: COLORS.textMuted,
};

/** "Primary → CISO under CIO": the heading, the PDF's title and its page headers. */
export function comparisonTitle(a: ChartDocument, b: ChartDocument): string {
  return `${cleanText(a.name)} → ${cleanText(b.name)}`;
}

/**
 * What the scenario `b` changes relative to `a`, as one standalone SVG for a deck: `b`
 * drawn as the editor draws it, each added, moved and changed role marked and each removed
 * role shown as a ghost card where it was (see marks.ts: a label, an outline and a colour
 * each), removed lines dashed; a legend; then every change in words and the findings the
 * scenario fixes and opens. `comparison` is `compareCharts(a, b)`. Pure and deterministic,
 * like renderChartSvg; `boxes` holds b's cards and then the ghosts.
 */
export function renderComparisonSvg(
  a: ChartDocument,
  b: ChartDocument,
  comparison: Comparison,
  options: ComparisonRenderOptions = {},
): RenderedChart {
  const overlay = overlayComparison(a, b, comparison);
  const chart = chartPart(
    overlay.document,
    overlay.forest,
    overlay.positions,
    new Map(),
    comparisonMarks(overlay.roleMarks, overlay.lineChanges),
  );
  const lists = options.lists ?? true;
  const contentWidth = Math.max(
    chart.width,
    PAGE.minContentWidth,
    lists ? PAGE.minAppendixWidth : 0,
  );
  const listWidth = Math.min(contentWidth, PAGE.maxAppendixWidth);
  const title = comparisonTitle(a, b);

  const sections: PageSection[] = [];
  if (options.title ?? true)
    sections.push({
      block: stacked(
        headingBlock(title, contentWidth),
        paragraphBlock(summariseComparison(comparison), listWidth, SUMMARY),
      ),
      centred: false,
    });
  if (options.legend ?? true)
    sections.push({
      block: legendOf([...COMPARISON_LEGEND_ITEMS, ...CHART_LEGEND_ITEMS], contentWidth),
      centred: false,
    });
  sections.push({ block: chart, centred: true });
  if (lists)
    sections.push(
      { block: changesBlock(describeComparison(a, b, comparison), listWidth), centred: false },
      { block: findingsDeltaBlock(comparison.findings, listWidth), centred: false },
    );

  return renderedPage(drawPage(title, contentWidth, sections), chart);
}

/** The findings appendix of the two charts' difference: fixed ones first, then new ones. */
function findingsDeltaBlock(findings: Comparison["findings"], width: number): Block {
  const chip = (status: "fixed" | "new"): StatusChip => {
    const { label, ink, fill } = DELTA_STYLES[status];
    return { label, text: ink, fill, status };
  };
  const fixed = findings.fixed.length;
  return appendixBlock([...findings.fixed, ...findings.new], width, {
    title: FINDINGS_DELTA_TITLE,
    summary: describeFindingsDelta(findings),
    status: { header: "CHANGE", chipOf: (index) => chip(index < fixed ? "fixed" : "new") },
  });
}

const STACK_GAP = 8;

/** Two blocks as one, the second under the first. */
function stacked(first: Block, second: Block): Block {
  return {
    width: Math.max(first.width, second.width),
    height: first.height + STACK_GAP + second.height,
    draw(x, y, out) {
      first.draw(x, y, out);
      second.draw(x, y + first.height + STACK_GAP, out);
    },
  };
}
