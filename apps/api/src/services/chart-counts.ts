import type { ChartDocument, Finding } from "@rolemap/contract";
import type { ChartCounts } from "./chart-store";

/** The denormalised counts the chart list shows, from a document and its findings. */
export function countsOf(document: ChartDocument, findings: readonly Finding[]): ChartCounts {
  const counts: ChartCounts = {
    roles: document.roles.length,
    responsibilities: document.responsibilities.length,
    errors: 0,
    warnings: 0,
    infos: 0,
  };
  for (const finding of findings)
    if (finding.severity === "error") counts.errors++;
    else if (finding.severity === "warning") counts.warnings++;
    else counts.infos++;
  return counts;
}
