import { createRequire } from "node:module";

/**
 * The Inter files whose metrics @rolemap/render measures text with. Every rasteriser and
 * the PDF writer load exactly these (never system fonts), so a card's text wraps and fits
 * the same in the PNG, the PDF and the browser, also on a machine with no fonts installed.
 */
const require = createRequire(import.meta.url);

export type InterWeight = 400 | 600 | 700;

export const INTER_FILES: Readonly<Record<InterWeight, string>> = {
  400: require.resolve("@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf"),
  600: require.resolve("@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf"),
  700: require.resolve("@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf"),
};

/** The family name the renderer writes first in every font-family list. */
export const INTER_FAMILY = "Inter";
