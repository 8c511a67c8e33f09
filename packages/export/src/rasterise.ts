import { renderAsync } from "@resvg/resvg-js";
import { INTER_FAMILY, INTER_FILES } from "./fonts";

export { MAX_PNG_PIXELS, MAX_PNG_SIDE, pngZoom } from "./png-size";

/**
 * SVG to PNG with resvg, on a white background, with exactly the Inter files the renderer
 * measured text with. Runs on libuv's thread pool, so a server stays responsive meanwhile.
 */
export async function rasterise(svg: string, zoom: number): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: zoom },
    background: "white",
    shapeRendering: 2,
    textRendering: 1,
    font: {
      fontFiles: Object.values(INTER_FILES),
      loadSystemFonts: false,
      defaultFontFamily: INTER_FAMILY,
      sansSerifFamily: INTER_FAMILY,
    },
    logLevel: "off",
  });
  return image.asPng();
}
