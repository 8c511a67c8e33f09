import type { ChartDocument, ImportFormat, ImportProblem } from "@rolemap/contract";
import { failed, type ImportResult } from "./import-result";
import { importJson } from "./json/import-json";
import { importMatrixCsv } from "./matrix/import-matrix-csv";
import { importOrgCsv } from "./org/import-org-csv";
import { chartName } from "./text/limits";

export interface ImportChartOptions {
  /** Name of the chart; a JSON document keeps its own name unless this is given. */
  name?: string;
  /** matrix-csv only: merge the matrix into this chart. */
  into?: ChartDocument;
}

/** Imports a file of any import format, as `POST /api/charts/import?format=…` and the CLI do. */
export function importChart(
  format: ImportFormat,
  text: string,
  options: ImportChartOptions = {},
): ImportResult {
  if (options.into !== undefined && format !== "matrix-csv")
    return {
      document: null,
      counts: { roles: 0, reportingLines: 0, responsibilities: 0, assignments: 0 },
      problems: [
        {
          line: null,
          column: null,
          message: `only a matrix-csv file can be merged into a chart, not ${format}`,
        },
      ],
    };
  switch (format) {
    case "org-csv":
      return importOrgCsv(text, { name: options.name });
    case "matrix-csv":
      return importMatrixCsv(text, options);
    case "json":
      return renamed(importJson(text), options.name);
  }
}

/** A JSON import under the name the caller gives, when it gives one. */
function renamed(result: ImportResult, name: string | undefined): ImportResult {
  if (result.document === null || name === undefined || name.trim() === "") return result;
  const problems: ImportProblem[] = [];
  const document = { ...result.document, name: chartName(name, problems) };
  return problems.length > 0 ? failed(result.counts, problems) : { ...result, document };
}
