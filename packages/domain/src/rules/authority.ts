import type { Finding } from "@rolemap/contract";
import type { ChartIndex } from "../chart-index";
import { makeFinding } from "../findings";
import type { ReportingGraph } from "../graph/reporting-graph";

/**
 * authority/accountable-outside-chain: with exactly one accountable role, every other
 * responsible role should report to it, directly or through lines of either kind.
 * Each check is a lookup in the graph's chain index, not a walk.
 */
export function checkAuthority(index: ChartIndex, graph: ReportingGraph): Finding[] {
  const findings: Finding[] = [];
  for (const [id, { R, A }] of index.holders) {
    const accountable = A[0];
    if (A.length !== 1 || accountable === undefined) continue;
    for (const responsible of new Set(R)) {
      if (responsible === accountable || graph.isInChain(responsible, accountable)) continue;
      findings.push(
        makeFinding(
          "authority/accountable-outside-chain",
          [accountable, responsible],
          [id],
          `${index.roleLabel(responsible)} is responsible for ${index.responsibilityName(id)} but does not report, directly or through a dotted line, to ${index.roleLabel(accountable)}, who is accountable for it.`,
        ),
      );
    }
  }
  return findings;
}
