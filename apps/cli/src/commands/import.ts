import {
  type ChartDocument,
  IMPORT_FORMATS,
  type ImportFormat,
  ImportFormatSchema,
} from "@rolemap/contract";
import { describeImportProblem, importChart } from "@rolemap/interchange";
import { EXIT, type ExitCode } from "../exit-codes";
import type { CommandIO } from "../io";
import { readChartFile, readTextFile } from "../read-chart-file";
import { checkChartName } from "./new";

export interface ImportFlags {
  format?: string;
  into?: string;
  name?: string;
}

/**
 * The format of a file given without --format: JSON by its extension or its first
 * character; a CSV whose first header is "Responsibility" is a matrix (what the export
 * writes); any other CSV is an org list.
 */
export function guessFormat(file: string, text: string): ImportFormat {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (/\.json$/i.test(file) || body.startsWith("{")) return "json";
  const firstCell = (/^"?([^,;\t"\r\n]*)/.exec(body)?.[1] ?? "").trim().toLowerCase();
  return firstCell === "responsibility" || firstCell === "responsibilities"
    ? "matrix-csv"
    : "org-csv";
}

/**
 * `rolemap import FILE [--format F] [--into chart.json] > chart.json`: a chart document
 * from an HR org list, a RACI matrix or a JSON file. Every problem is printed to stderr
 * with its line and column, and nothing to stdout (exit 2).
 */
export async function runImport(
  file: string,
  flags: ImportFlags,
  io: CommandIO,
): Promise<ExitCode> {
  let format: ImportFormat | undefined;
  if (flags.format !== undefined) {
    const parsed = ImportFormatSchema.safeParse(flags.format);
    if (!parsed.success) {
      io.stderr(`--format must be one of ${IMPORT_FORMATS.join(", ")}\n`);
      return EXIT.usage;
    }
    format = parsed.data;
  }
  if (flags.name !== undefined) {
    const problem = checkChartName(flags.name);
    if (problem !== undefined) {
      io.stderr(`${problem}\n`);
      return EXIT.usage;
    }
  }
  let into: ChartDocument | undefined;
  if (flags.into !== undefined) {
    const chart = await readChartFile(flags.into, io);
    if (!chart.ok) {
      io.stderr(chart.message);
      return EXIT.usage;
    }
    into = chart.document;
  }
  const read = await readTextFile(file, io);
  if (!read.ok) {
    io.stderr(read.message);
    return EXIT.usage;
  }
  format ??= into === undefined ? guessFormat(file, read.text) : "matrix-csv";
  if (into !== undefined && format !== "matrix-csv") {
    io.stderr(`--into merges a matrix: it needs --format matrix-csv, not ${format}\n`);
    return EXIT.usage;
  }

  const result = importChart(format, read.text, { name: flags.name?.trim(), into });
  if (result.document === null || result.problems.length > 0) {
    const count = result.problems.length;
    io.stderr(
      `${read.label}: cannot import as ${format} (${count} ${count === 1 ? "problem" : "problems"})\n`,
    );
    for (const problem of result.problems) io.stderr(`  ${describeImportProblem(problem)}\n`);
    return EXIT.usage;
  }
  io.stdout(`${JSON.stringify(result.document, null, 2)}\n`);
  return EXIT.ok;
}
