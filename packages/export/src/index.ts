export { exportChart } from "./export-chart";
export { CONTENT_TYPES, type ExportFile, exportFilename, slugify } from "./export-file";
export { MAX_PNG_PIXELS, MAX_PNG_SIDE, pngZoom } from "./rasterise";
