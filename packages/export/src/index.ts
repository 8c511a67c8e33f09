export {
  type ComparisonExportOptions,
  exportComparison,
} from "./compare/export-comparison";
export { exportChart } from "./export-chart";
export {
  CONTENT_TYPES,
  comparisonFilename,
  type ExportFile,
  exportFilename,
  slugify,
} from "./export-file";
export { MAX_PNG_PIXELS, MAX_PNG_SIDE, pngZoom } from "./rasterise";
