import { writeFile } from "node:fs/promises";
import type { ChartDocument, Comparison, Finding } from "@rolemap/contract";
import { compareCharts } from "@rolemap/domain";
import {
  type ChangeMark,
  comparisonTitle,
  DELTA_STYLES,
  describeComparison,
  describeFindingsDelta,
  FINDINGS_DELTA_TITLE,
  MARK_STYLES,
  summariseComparison,
} from "@rolemap/render";
import { EXIT, type ExitCode } from "../exit-codes";
import type { Colors, CommandIO } from "../io";
import { readChartFile, STDIN } from "../read-chart-file";

export interface CompareFlags {
  format?: string;
  out?: string;
}

const FORMATS = ["text", "json", "pdf", "png", "svg"] as const;
type CompareFormat = (typeof FORMATS)[number];
const isFormat = (format: string): format is CompareFormat =>
  (FORMATS as readonly string[]).includes(format);

/**
 * `rolemap compare A B`: what chart B changes relative to chart A — the API's compare (the
 * same `compareCharts`) — in words (text, the default), as the diff (json), or as the file
 * for a deck (pdf, png, svg: the same bytes as `GET /api/charts/:a/compare/:b/export`).
 * Exits 1 when B opens an error-severity finding A did not have, so CI can refuse a change
 * that breaks the chart.
 */
export async function runCompare(
  fileA: string,
  fileB: string,
  flags: CompareFlags,
  io: CommandIO,
): Promise<ExitCode> {
  const format = flags.format ?? "text";
  if (!isFormat(format)) {
    io.stderr(`--format: format must be one of ${FORMATS.join(", ")}\n`);
    return EXIT.usage;
  }
  if (fileA === STDIN && fileB === STDIN) {
    io.stderr("only one of the two charts can be read from standard input\n");
    return EXIT.usage;
  }
  const binary = format === "pdf" || format === "png";
  if (binary && flags.out === undefined && io.stdoutIsTTY === true) {
    io.stderr(
      `not writing a ${format.toUpperCase()} file to the terminal; use --out or redirect it: rolemap compare ${fileA} ${fileB} --format ${format} > comparison.${format}\n`,
    );
    return EXIT.usage;
  }
  const a = await readChartFile(fileA, io);
  const b = await readChartFile(fileB, io);
  if (!a.ok || !b.ok) {
    if (!a.ok) io.stderr(a.message);
    if (!b.ok) io.stderr(b.message);
    return EXIT.usage;
  }

  const comparison = compareCharts(a.document, b.document);
  const body = await outputOf(a.document, b.document, comparison, format, io.colors, flags);
  if (flags.out === undefined) io.stdout(body);
  else
    try {
      await writeFile(flags.out, body);
    } catch (error) {
      io.stderr(`${flags.out}: cannot write file: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
  const opensErrors = comparison.findings.new.some((finding) => finding.severity === "error");
  return opensErrors ? EXIT.findings : EXIT.ok;
}

async function outputOf(
  a: ChartDocument,
  b: ChartDocument,
  comparison: Comparison,
  format: CompareFormat,
  colors: Colors,
  flags: CompareFlags,
): Promise<string | Uint8Array> {
  switch (format) {
    case "text":
      // A file gets no colour codes, whatever the terminal.
      return formatComparison(a, b, comparison, flags.out === undefined ? colors : plain);
    case "json":
      return `${JSON.stringify(comparison)}\n`;
    default: {
      // Loaded here: the renderer, resvg and pdfkit are only needed for these formats.
      const { exportComparison } = await import("@rolemap/export");
      return (await exportComparison(a, b, comparison, { format })).body;
    }
  }
}

const identity = (text: string) => text;
const plain = new Proxy({} as Colors, { get: () => identity });

const markColour = (colors: Colors): Record<ChangeMark, (text: string) => string> => ({
  added: colors.green,
  removed: colors.red,
  moved: colors.yellow,
  changed: colors.blue,
});

/**
 * The comparison in words, as the PDF's pages list it: a title naming both charts, the
 * counts, each section's changes with their kind ("+ Added"), then the findings fixed and
 * new with rule and message. Newline-terminated.
 */
export function formatComparison(
  a: ChartDocument,
  b: ChartDocument,
  comparison: Comparison,
  colors: Colors,
): string {
  const paint = markColour(colors);
  const width = Math.max(...Object.values(MARK_STYLES).map((style) => style.chip.length));
  const lines = [colors.bold(comparisonTitle(a, b)), colors.dim(summariseComparison(comparison))];
  const sections = describeComparison(a, b, comparison);
  if (sections.length === 0) lines.push("", "No changes: the two charts are the same.");
  for (const section of sections) {
    lines.push("", colors.bold(section.title));
    for (const item of section.items)
      lines.push(`  ${paint[item.mark](MARK_STYLES[item.mark].chip.padEnd(width))}  ${item.text}`);
    if (section.note !== undefined) lines.push(colors.dim(`  ${section.note}`));
  }
  lines.push(
    "",
    colors.bold(FINDINGS_DELTA_TITLE),
    colors.dim(describeFindingsDelta(comparison.findings)),
  );
  const row = (label: string, colour: (text: string) => string, finding: Finding) =>
    `  ${colour(label.padEnd(width))}  ${finding.severity.padEnd(7)}  ${finding.rule}  ${finding.message}`;
  for (const finding of comparison.findings.fixed)
    lines.push(row(DELTA_STYLES.fixed.label, colors.green, finding));
  for (const finding of comparison.findings.new)
    lines.push(row(DELTA_STYLES.new.label, colors.red, finding));
  return `${lines.join("\n")}\n`;
}
