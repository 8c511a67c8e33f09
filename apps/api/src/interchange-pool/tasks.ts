import type { ChartDocument, ExportOptions, ImportFormat } from "@rolemap/contract";
import { exportChart } from "@rolemap/export";
import { type ImportChartOptions, type ImportResult, importChart } from "@rolemap/interchange";
import { move } from "piscina";

/**
 * The tasks a worker thread runs (loaded by worker.mjs): the parsing and building that
 * used to hold the event loop for seconds. Data in, data out; the API keeps everything
 * else (access, storage, HTTP).
 */

export interface ExportTask {
  document: ChartDocument;
  options: ExportOptions;
}

/** The file's bytes, moved (not copied) to the main thread; it names the file itself. */
export async function exportFile({ document, options }: ExportTask): Promise<Uint8Array> {
  const { body } = await exportChart(document, options);
  // Only a buffer of its own can be moved (Node's small-buffer pool cannot).
  const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  return move(own ? body : body.slice()) as Uint8Array;
}

export interface ImportTask {
  format: ImportFormat;
  text: string;
  options: ImportChartOptions;
}

export function importFile({ format, text, options }: ImportTask): ImportResult {
  return importChart(format, text, options);
}
