import type { ChartDocument, Finding } from "@rolemap/contract";
import { indexChart } from "../src/chart-index";
import { compareFindings } from "../src/findings";
import { createReportingGraph } from "../src/graph/reporting-graph";
import { checkAuthority } from "../src/rules/authority";
import { checkCatalogue } from "../src/rules/catalogue";
import { checkMatrix } from "../src/rules/matrix";
import { checkOwnership } from "../src/rules/ownership";
import { checkStructure } from "../src/rules/structure";

export const PHASES = [
  "indexChart",
  "createReportingGraph",
  "checkMatrix",
  "checkOwnership",
  "checkStructure",
  "checkAuthority",
  "checkCatalogue",
  "sort",
] as const;
export type Phase = (typeof PHASES)[number];

/**
 * The steps of `validateChart` (see src/validate.ts) timed one by one; the minimum of
 * `runs` runs of each, in ms. Shows where the time goes and which step grows with size.
 */
export function timePhases(document: ChartDocument, runs: number): Record<Phase, number> {
  const best = Object.fromEntries(PHASES.map((phase) => [phase, Infinity])) as Record<
    Phase,
    number
  >;
  const time = <T>(phase: Phase, step: () => T): T => {
    const start = process.hrtime.bigint();
    const result = step();
    best[phase] = Math.min(best[phase], Number(process.hrtime.bigint() - start) / 1e6);
    return result;
  };
  for (let run = 0; run < runs; run++) {
    const index = time("indexChart", () => indexChart(document));
    const graph = time("createReportingGraph", () => createReportingGraph(document, index.roleAt));
    const lists: Finding[][] = [
      time("checkMatrix", () => checkMatrix(index)),
      time("checkOwnership", () => checkOwnership(index)),
      time("checkStructure", () => checkStructure(index, graph)),
      time("checkAuthority", () => checkAuthority(index, graph)),
      time("checkCatalogue", () => checkCatalogue(index)),
    ];
    time("sort", () => lists.flat().sort(compareFindings));
  }
  return best;
}
