import type { ChartDocument, Finding, Severity } from "@rolemap/contract";
import { SEVERITIES } from "@rolemap/contract/constants";
import type { Colors } from "./io";

const count = (n: number, singular: string, pluralForm = `${singular}s`) =>
  `${n} ${n === 1 ? singular : pluralForm}`;

const SECTION_TITLES: Record<Severity, string> = {
  error: "Errors",
  warning: "Warnings",
  info: "Info",
};

const severityColour = (colors: Colors): Record<Severity, (text: string) => string> => ({
  error: colors.red,
  warning: colors.yellow,
  info: colors.cyan,
});

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** "2 errors, 3 warnings, 1 info", or "No findings". */
export function formatSummaryLine(findings: readonly Finding[]): string {
  if (findings.length === 0) return "No findings";
  const counts = countBySeverity(findings);
  return [
    count(counts.error, "error"),
    count(counts.warning, "warning"),
    count(counts.info, "info", "info"),
  ].join(", ");
}

/** "3 roles, 3 reporting lines, 2 responsibilities, 2 assignments". */
export function formatChartCounts(document: ChartDocument): string {
  return [
    count(document.roles.length, "role"),
    count(document.reportingLines.length, "reporting line"),
    count(document.responsibilities.length, "responsibility", "responsibilities"),
    count(document.assignments.length, "assignment"),
  ].join(", ");
}

/**
 * The human-readable result of `rolemap validate`: chart name and size, findings grouped by
 * severity (most severe first), and a closing summary line. Newline-terminated.
 */
export function formatReport(
  document: ChartDocument,
  findings: readonly Finding[],
  colors: Colors,
): string {
  const paint = severityColour(colors);
  const lines = [colors.bold(document.name.trim()), colors.dim(formatChartCounts(document))];

  for (const severity of SEVERITIES) {
    const group = findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    // Rule ids are padded to a column so the messages line up within a section.
    const width = Math.max(...group.map((finding) => finding.rule.length));
    lines.push("", paint[severity](colors.bold(`${SECTION_TITLES[severity]} (${group.length})`)));
    for (const finding of group)
      lines.push(
        `  ${paint[severity](finding.rule)}${" ".repeat(width - finding.rule.length)}  ${finding.message}`,
      );
  }

  const counts = countBySeverity(findings);
  const summary = formatSummaryLine(findings);
  lines.push(
    "",
    findings.length === 0
      ? colors.green(summary)
      : counts.error > 0
        ? colors.red(colors.bold(summary))
        : colors.bold(summary),
  );
  return `${lines.join("\n")}\n`;
}
