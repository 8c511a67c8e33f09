import type {
  ChartDocument,
  ComparisonExportQuery,
  ExportOptions,
  ImportFormat,
} from "@rolemap/contract";
import { compareCharts } from "@rolemap/domain";
import { exportChart, exportComparison } from "@rolemap/export";
import { type ImportChartOptions, type ImportResult, importChart } from "@rolemap/interchange";
import { move } from "piscina";

/**
 * The tasks a worker thread runs (loaded by worker.mjs): the parsing and building that
 * used to hold the event loop for seconds. Data in, data out; the API keeps everything
 * else (access, storage, HTTP). Documents cross between threads as JSON text: posting a
 * 6,000-role document as an object (structured clone) held the event loop 80–170 ms,
 * JSON.stringify and a string copy 10–25 ms.
 */

export interface ExportTask {
  /** The chart document as JSON. */
  document: string;
  options: ExportOptions;
}

/** The file's bytes, moved (not copied) to the main thread; it names the file itself. */
export async function exportFile({ document, options }: ExportTask): Promise<Uint8Array> {
  const { body } = await exportChart(JSON.parse(document) as ChartDocument, options);
  return moved(body);
}

export interface ComparisonExportTask {
  /** The two charts' documents as JSON: what `b` changes relative to `a`. */
  a: string;
  b: string;
  format: ComparisonExportQuery["format"];
}

/** The comparison drawn and written (compareCharts too runs here, off the event loop). */
export async function exportComparisonFile({
  a,
  b,
  format,
}: ComparisonExportTask): Promise<Uint8Array> {
  const left = JSON.parse(a) as ChartDocument;
  const right = JSON.parse(b) as ChartDocument;
  const { body } = await exportComparison(left, right, compareCharts(left, right), { format });
  return moved(body);
}

/**
 * Bytes handed to the main thread without a copy. Only a buffer of its own can be moved
 * (Node's small-buffer pool cannot).
 */
function moved(body: Uint8Array): Uint8Array {
  const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  return move(own ? body : body.slice()) as Uint8Array;
}

export interface ImportTask {
  format: ImportFormat;
  text: string;
  name?: string | undefined;
  /** A matrix CSV is merged into this document (JSON). */
  into?: string | undefined;
}

/** The ImportResult as JSON. */
export function importFile({ format, text, name, into }: ImportTask): string {
  const options: ImportChartOptions = name === undefined ? {} : { name };
  if (into !== undefined) options.into = JSON.parse(into) as ChartDocument;
  return JSON.stringify(importChart(format, text, options) satisfies ImportResult);
}
