import { ExportOptionsSchema, toInputIssues } from "@rolemap/contract";
import { EXIT, type ExitCode } from "../exit-codes";
import type { CommandIO } from "../io";
import { readChartFile } from "../read-chart-file";

export interface ExportFlags {
  format: string;
  scale?: string;
  page?: string;
  fit?: string;
  findings?: boolean;
}

/** Formats that are text a terminal can show; the others are never written to one. */
const TEXT_FORMATS = new Set(["svg", "json", "csv"]);

/**
 * `rolemap export FILE --format F > out`: the same bytes as the API's export of that chart
 * (one renderer, @rolemap/export). Options are checked by the contract's schema, as the
 * API checks its query string.
 */
export async function runExport(
  file: string,
  flags: ExportFlags,
  io: CommandIO,
): Promise<ExitCode> {
  const parsed = ExportOptionsSchema.safeParse({
    format: flags.format,
    ...(flags.scale === undefined ? {} : { scale: flags.scale }),
    ...(flags.page === undefined ? {} : { page: flags.page }),
    ...(flags.fit === undefined ? {} : { fit: flags.fit }),
    findings: flags.findings === true ? "true" : "false",
  });
  if (!parsed.success) {
    for (const issue of toInputIssues(parsed.error))
      io.stderr(`--${issue.path || "options"}: ${issue.message}\n`);
    return EXIT.usage;
  }
  const options = parsed.data;
  if (!TEXT_FORMATS.has(options.format) && io.stdoutIsTTY === true) {
    io.stderr(
      `not writing a ${options.format.toUpperCase()} file to the terminal; redirect it: rolemap export ${file} --format ${options.format} > chart.${options.format}\n`,
    );
    return EXIT.usage;
  }
  const read = await readChartFile(file, io);
  if (!read.ok) {
    io.stderr(read.message);
    return EXIT.usage;
  }
  // Loaded here: the renderer, resvg and pdfkit are only needed by this command.
  const { exportChart } = await import("@rolemap/export");
  const exported = await exportChart(read.document, options);
  io.stdout(exported.body);
  return EXIT.ok;
}
