import type { Category, Finding, Severity } from "@rolemap/contract";
import { CATEGORIES, SEVERITIES } from "@rolemap/contract/constants";

/** Findings by severity (errors first), then by category, as the findings panel lists them. */

export const SEVERITY_TITLES: Readonly<Record<Severity, string>> = {
  error: "Errors",
  warning: "Warnings",
  info: "Info",
};

export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = {
  error: "error",
  warning: "warning",
  info: "info",
};

export const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  gap: "Gaps",
  overlap: "Overlaps",
  structure: "Structure",
  load: "Load",
  authority: "Authority",
};

export interface CategoryGroup {
  category: Category;
  title: string;
  findings: readonly Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  title: string;
  count: number;
  categories: readonly CategoryGroup[];
}

/**
 * Non-empty groups only: severities in the order error, warning, info; categories in the
 * contract's order (gap, overlap, structure, load, authority); findings in their given
 * order (the contract's). Pure.
 */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const buckets = new Map<Severity, Map<Category, Finding[]>>();
  for (const finding of findings) {
    const bySeverity = buckets.get(finding.severity) ?? new Map<Category, Finding[]>();
    buckets.set(finding.severity, bySeverity);
    const list = bySeverity.get(finding.category) ?? [];
    bySeverity.set(finding.category, list);
    list.push(finding);
  }
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const bySeverity = buckets.get(severity);
    if (bySeverity === undefined) continue;
    const categories: CategoryGroup[] = [];
    for (const category of CATEGORIES) {
      const list = bySeverity.get(category);
      if (list !== undefined)
        categories.push({ category, title: CATEGORY_TITLES[category], findings: list });
    }
    groups.push({
      severity,
      title: SEVERITY_TITLES[severity],
      count: categories.reduce((sum, group) => sum + group.findings.length, 0),
      categories,
    });
  }
  return groups;
}

/** How many findings of each severity (zeros included). */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** A stable key for a finding in a list (findings have no id; the contract's order is stable). */
export function findingKey(finding: Finding): string {
  return [finding.rule, finding.responsibilities.join(","), finding.roles.join(",")].join("|");
}
