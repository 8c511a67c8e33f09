/**
 * The largest PNG an export makes. 32,767 px is the side limit of many decoders and of
 * browser canvases; 64 megapixels (256 MB of RGBA while rendering) keeps a server export
 * of a huge chart from exhausting memory. A chart that would exceed either is rendered at
 * the largest zoom that fits, never cropped.
 */
export const MAX_PNG_SIDE = 32_767;
export const MAX_PNG_PIXELS = 64_000_000;

/** The zoom a PNG of a chart of width × height units gets when `requested` is asked. */
export function pngZoom(width: number, height: number, requested: number): number {
  const w = Math.max(width, 1);
  const h = Math.max(height, 1);
  return Math.min(
    requested,
    MAX_PNG_SIDE / w,
    MAX_PNG_SIDE / h,
    Math.sqrt(MAX_PNG_PIXELS / (w * h)),
  );
}
