import type { Finding, RuleId } from "@rolemap/contract";
import { validateChart } from "../validate";
import { type ChartSketch, sketchChart } from "./chart-builder";

/** The findings of one rule for a sketched chart, as [roles, responsibilities] pairs. */
export function findingsOf(rule: RuleId, sketch: ChartSketch): Finding[] {
  return validateChart(sketchChart(sketch)).filter((finding) => finding.rule === rule);
}

export const idsOf = (findings: Finding[]) =>
  findings.map((finding) => [finding.roles, finding.responsibilities]);
