export { FONT_FAMILY, FONT_FILES, FONT_PACKAGE, FONT_STACK } from "./fonts";
export { renderChartSvg } from "./render-chart";
export { cleanText, xmlSafeText } from "./text/xml-text";
export type { RenderedBox, RenderedChart, RenderOptions } from "./types";
