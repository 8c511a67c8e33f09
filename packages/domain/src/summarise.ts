import type { ChartDocument, ChartSummary, Finding } from "@rolemap/contract";
import { CATEGORIES, SEVERITIES } from "@rolemap/contract/constants";
import { compareIds } from "./findings";
import { isVacant } from "./roles";
import { validateChart } from "./validate";

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Counts, span of control per manager and accountability load per role. */
export function summariseChart(
  document: ChartDocument,
  findings: readonly Finding[] = validateChart(document),
): ChartSummary {
  const bySeverity = zeroes(SEVERITIES);
  const byCategory = zeroes(CATEGORIES);
  for (const finding of findings) {
    bySeverity[finding.severity] += 1;
    byCategory[finding.category] += 1;
  }

  const reports = new Map<string, Set<string>>();
  for (const { manager, report, kind } of document.reportingLines) {
    if (kind !== "solid") continue;
    const set = reports.get(manager) ?? new Set<string>();
    set.add(report);
    reports.set(manager, set);
  }
  const spanOfControl = [...reports]
    .map(([role, set]) => ({ role, reports: set.size }))
    .sort((a, b) => b.reports - a.reports || compareIds(a.role, b.role));

  const load = new Map(document.roles.map((role) => [role.id, { accountable: 0, responsible: 0 }]));
  for (const { role, code } of document.assignments) {
    const entry = load.get(role);
    if (entry === undefined) continue;
    if (code === "A") entry.accountable += 1;
    if (code === "R") entry.responsible += 1;
  }

  const solidLines = document.reportingLines.filter((line) => line.kind === "solid").length;
  return {
    roles: document.roles.length,
    vacantRoles: document.roles.filter(isVacant).length,
    solidLines,
    dottedLines: document.reportingLines.length - solidLines,
    responsibilities: document.responsibilities.length,
    assignments: document.assignments.length,
    findings: { total: findings.length, bySeverity, byCategory },
    spanOfControl,
    accountability: document.roles.map((role) => ({
      role: role.id,
      ...(load.get(role.id) ?? { accountable: 0, responsible: 0 }),
    })),
  };
}
