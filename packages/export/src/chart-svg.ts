import type { ChartDocument } from "@rolemap/contract";
import { type RenderedChart, renderChartSvg } from "@rolemap/render";

/** Space the renderer leaves around the page (its PAGE.margin); kept below the chart when cropping. */
const PAGE_MARGIN = 40;
const APPENDIX_START = '<g data-part="findings">';

export interface ChartSvgOptions {
  /** Finding badges on the cards. */
  findings: boolean;
  /** The chart name as a heading (off where the page or slide has its own title). */
  title: boolean;
  /**
   * With findings: keep the renderer's findings appendix under the chart (SVG and PNG),
   * or leave it out (PDF and PPTX list findings in their own text pages instead).
   */
  appendix: boolean;
}

/** The chart through the one renderer, with what each format wants around it. */
export function renderForExport(document: ChartDocument, options: ChartSvgOptions): RenderedChart {
  // Without roles there are no badges, so nothing is lost by rendering without findings.
  const badges = options.findings && (options.appendix || document.roles.length > 0);
  const rendered = renderChartSvg(document, {
    findings: badges,
    legend: true,
    title: options.title,
  });
  return badges && !options.appendix ? withoutAppendix(rendered) : rendered;
}

/**
 * The renderer draws badges and the appendix together; this drops the appendix, which is
 * the last part of the SVG, and crops the view box to end a page margin under the lowest
 * card (lines never run further below a card than that margin).
 */
export function withoutAppendix(rendered: RenderedChart): RenderedChart {
  const start = rendered.svg.lastIndexOf(APPENDIX_START);
  if (start < 0 || rendered.boxes.length === 0) return rendered;
  const lowest = rendered.boxes.reduce((low, box) => Math.max(low, box.y + box.height), 0);
  const height = Math.min(rendered.height, Math.ceil(lowest) + PAGE_MARGIN);
  const root = rendered.svg.indexOf(">") + 1;
  const croppedRoot = rendered.svg
    .slice(0, root)
    .replace(`height="${rendered.height}"`, `height="${height}"`)
    .replace(
      `viewBox="0 0 ${rendered.width} ${rendered.height}"`,
      `viewBox="0 0 ${rendered.width} ${height}"`,
    );
  return {
    ...rendered,
    svg: `${croppedRoot}${rendered.svg.slice(root, start)}</svg>`,
    height,
  };
}
