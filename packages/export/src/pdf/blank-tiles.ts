import { renderAsync } from "@resvg/resvg-js";
import { INTER_FAMILY, INTER_FILES } from "../fonts";
import type { Rect, Size } from "./page-plan";

/** The coarse preview's longer side: fine enough to see a line, cheap to scan. */
const PREVIEW_SIDE = 2_000;
/** A channel below this is ink (a card's 7% shadow is about 237). */
const INK_BELOW = 250;

const HEADING = /<g data-part="heading">[\s\S]*?<\/g>/;
const TEXT = /<text\b[^>]*>[^<]*<\/text>/g;

/**
 * The SVG without the text that always sits on a drawn shape (card text on its card,
 * legend text in its box, badges): shaping thousands of texts is nearly all of resvg's
 * time, and the shapes under them mark the same ink. The heading is kept: it stands on
 * bare paper and may run over tiles that hold nothing else.
 */
export function inkOutline(svg: string): string {
  const heading = HEADING.exec(svg);
  if (heading === null) return svg.replace(TEXT, "");
  const end = heading.index + heading[0].length;
  return (
    svg.slice(0, heading.index).replace(TEXT, "") + heading[0] + svg.slice(end).replace(TEXT, "")
  );
}

/**
 * Which parts of the chart are empty paper: the chart's ink outline is rasterised once,
 * small, on white, and a region is blank when none of its pixels has ink. Tiles that
 * would print nothing (the empty corners of a wide, shallow tree) get no page this way,
 * whatever the renderer draws there (cards, lines, heading, legend).
 */
export async function createBlankTest(
  svg: string,
  chart: Size,
): Promise<(region: Rect) => boolean> {
  const zoom = Math.min(1, PREVIEW_SIDE / Math.max(chart.width, chart.height, 1));
  const image = await renderAsync(inkOutline(svg), {
    fitTo: { mode: "zoom", value: zoom },
    background: "white",
    font: {
      fontFiles: Object.values(INTER_FILES),
      loadSystemFonts: false,
      defaultFontFamily: INTER_FAMILY,
    },
    logLevel: "off",
  });
  const { width, height } = image;
  const pixels = image.pixels;

  return (region) => {
    // One pixel of slack on each side: anti-aliasing spreads thin marks.
    const left = Math.max(0, Math.floor(region.x * zoom) - 1);
    const top = Math.max(0, Math.floor(region.y * zoom) - 1);
    const right = Math.min(width, Math.ceil((region.x + region.width) * zoom) + 1);
    const bottom = Math.min(height, Math.ceil((region.y + region.height) * zoom) + 1);
    for (let y = top; y < bottom; y++)
      for (let x = left; x < right; x++) {
        const at = (y * width + x) * 4;
        if (
          (pixels[at] ?? 255) < INK_BELOW ||
          (pixels[at + 1] ?? 255) < INK_BELOW ||
          (pixels[at + 2] ?? 255) < INK_BELOW
        )
          return false;
      }
    return true;
  };
}
