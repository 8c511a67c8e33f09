import { validateChart } from "@rolemap/domain";
import { EXIT, type ExitCode } from "../exit-codes";
import type { CommandIO } from "../io";
import { readChartFile } from "../read-chart-file";
import { formatReport } from "../report";

export interface ValidateOptions {
  json?: boolean;
}

/**
 * `rolemap validate FILE`: exit 0 without error findings, 1 with, 2 for input that is not a
 * valid chart document (then stdout stays empty so `--json` consumers never see half a result).
 */
export async function runValidate(
  file: string,
  options: ValidateOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const read = await readChartFile(file, io);
  if (!read.ok) {
    io.stderr(read.message);
    return EXIT.usage;
  }
  const findings = validateChart(read.document);
  io.stdout(
    options.json
      ? `${JSON.stringify({ findings })}\n`
      : formatReport(read.document, findings, io.colors),
  );
  return findings.some((finding) => finding.severity === "error") ? EXIT.findings : EXIT.ok;
}
