import type { Finding, Severity } from "@rolemap/contract";
import type { BadgeData } from "./parts/badge";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** How many findings involve each role, and the most severe of them (as the editor's badge). */
export function badgesByRole(findings: readonly Finding[]): Map<string, BadgeData> {
  const badges = new Map<string, BadgeData>();
  for (const finding of findings)
    for (const id of new Set(finding.roles)) {
      const badge = badges.get(id);
      if (badge === undefined) badges.set(id, { count: 1, worst: finding.severity });
      else {
        badge.count++;
        if (RANK[finding.severity] < RANK[badge.worst]) badge.worst = finding.severity;
      }
    }
  return badges;
}
