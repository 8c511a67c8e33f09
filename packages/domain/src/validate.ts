import type { ChartDocument, Finding } from "@rolemap/contract";
import { indexChart } from "./chart-index";
import { compareFindings } from "./findings";
import { createReportingGraph } from "./graph/reporting-graph";
import { checkAuthority } from "./rules/authority";
import { checkCatalogue } from "./rules/catalogue";
import { checkMatrix } from "./rules/matrix";
import { checkOwnership } from "./rules/ownership";
import { checkStructure } from "./rules/structure";

/**
 * Every rule of the contract over a valid document (parse it with the contract's
 * `parseChart` first). Pure and deterministic: the same document gives the same findings
 * in the same order, whatever the order of its arrays; the document is not changed.
 */
export function validateChart(document: ChartDocument): Finding[] {
  const index = indexChart(document);
  const graph = createReportingGraph(document, index.roleAt);
  return checkMatrix(index)
    .concat(
      checkOwnership(index),
      checkStructure(index, graph),
      checkAuthority(index, graph),
      checkCatalogue(index),
    )
    .sort(compareFindings);
}
