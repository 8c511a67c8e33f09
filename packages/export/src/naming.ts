/**
 * The browser-safe part of this package (`@rolemap/export/naming`): how exported files are
 * named and how large a PNG gets. The editor's export dialog shows both before the API
 * makes the file; the rest of the package needs Node (resvg, pdfkit).
 */
export { CONTENT_TYPES, comparisonFilename, exportFilename, slugify } from "./export-file";
export { MAX_PNG_PIXELS, MAX_PNG_SIDE, pngZoom } from "./png-size";
