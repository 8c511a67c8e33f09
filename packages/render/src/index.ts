export {
  type ChangeItem,
  type ChangeMark,
  type ChangeSection,
  describeComparison,
  describeFindingsDelta,
  FINDINGS_DELTA_TITLE,
  findingsDelta,
  summariseComparison,
} from "./compare/describe-changes";
export { DELTA_STYLES, MARK_STYLES, type MarkStyle } from "./compare/marks";
export {
  type ComparisonRenderOptions,
  comparisonTitle,
  renderComparisonSvg,
} from "./compare/render-comparison";
export { FONT_FAMILY, FONT_FILES, FONT_PACKAGE, FONT_STACK } from "./fonts";
export { renderChartSvg } from "./render-chart";
export { cleanText, xmlSafeText } from "./text/xml-text";
export type { RenderedBox, RenderedChart, RenderOptions } from "./types";
