import type { Finding } from "@rolemap/contract";
import type { ChartIndex, CodeHolders } from "../chart-index";
import { makeFinding } from "../findings";
import type { ReportingGraph } from "../graph/reporting-graph";

/**
 * authority/accountable-outside-chain: with exactly one accountable role, every other
 * responsible role should report to it, directly or through lines of either kind.
 * Each check is a lookup in the graph's chain index, not a walk.
 */
export function checkAuthority(index: ChartIndex, graph: ReportingGraph): Finding[] {
  const findings: Finding[] = [];
  const { roleIds } = index;
  index.document.responsibilities.forEach(({ id, name }, row) => {
    const { R, A } = index.holders[row] as CodeHolders;
    const accountable = A[0];
    if (A.length !== 1 || accountable === undefined) return;
    for (const responsible of R) {
      if (responsible === accountable || graph.isInChainAt(responsible, accountable)) continue;
      findings.push(
        makeFinding(
          "authority/accountable-outside-chain",
          [roleIds[accountable] as string, roleIds[responsible] as string],
          [id],
          `${index.label(responsible)} is responsible for ${name} but does not report, directly or through a dotted line, to ${index.label(accountable)}, who is accountable for it.`,
        ),
      );
    }
  });
  return findings;
}
