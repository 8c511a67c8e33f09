import type { ExportFormat } from "@rolemap/contract";

/** One exported file: its bytes and what an HTTP response or a CLI needs to name it. */
export interface ExportFile {
  body: Uint8Array;
  contentType: string;
  /** Safe ASCII: the chart name as a slug plus the format's extension. */
  filename: string;
}

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
  pdf: "application/pdf",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  json: "application/json",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Long enough to tell charts apart, short enough for every file system and header. */
const MAX_SLUG_LENGTH = 80;
const FALLBACK_SLUG = "chart";

/**
 * "Classic CIO / CTO split" → "classic-cio-cto-split": accents dropped (é → e), anything
 * but letters and digits becomes one hyphen, lower case. A name with no ASCII letters or
 * digits at all (for example only CJK) gives "chart".
 */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, "");
  return cut === "" ? FALLBACK_SLUG : cut;
}

export function exportFilename(chartName: string, format: ExportFormat): string {
  return `${slugify(chartName)}.${format}`;
}

/** A comparison's file: "primary-vs-ciso-under-cio.pdf". */
export function comparisonFilename(
  primaryName: string,
  scenarioName: string,
  format: ExportFormat,
): string {
  return `${slugify(primaryName)}-vs-${slugify(scenarioName)}.${format}`;
}
