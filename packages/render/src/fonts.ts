/**
 * The fonts a rendered chart is measured with. Text is laid out with the advance widths of
 * these files (src/generated/inter-metrics.ts), so a rasteriser or PDF writer should load
 * the same files to draw it: then no line overflows its card and nothing is clipped.
 */

/** The family name inside the files, first in the SVG's `font-family`. */
export const FONT_FAMILY = "Inter";

/** The SVG's `font-family`: Inter, then look-alikes for viewers without it. */
export const FONT_STACK = "Inter, 'Helvetica Neue', Arial, sans-serif";

/** The npm package holding the files (a dev dependency of this package). */
export const FONT_PACKAGE = "@expo-google-fonts/inter";

/** The file of each weight the renderer uses, relative to FONT_PACKAGE's folder. */
export const FONT_FILES = {
  400: "400Regular/Inter_400Regular.ttf",
  600: "600SemiBold/Inter_600SemiBold.ttf",
  700: "700Bold/Inter_700Bold.ttf",
} as const;
