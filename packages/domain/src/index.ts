export { type ChartIndex, type CodeHolders, indexChart } from "./chart-index";
export { type ApplyResult, applyOperations } from "./edit/apply-operations";
export { diffByOperations } from "./edit/diff-by-operations";
export {
  assignmentKeyOf,
  type ChartDiff,
  diffCharts,
  isEmptyDiff,
  lineKeyOf,
  type OrderedDiff,
  sameJson,
  type TupleDiff,
} from "./edit/diff-charts";
export { invertOperations } from "./edit/invert-operations";
export { operationsBetween } from "./edit/operations-between";
export { structuralConflicts } from "./edit/structural-conflicts";
export { compareFindings, compareIds, sortIds } from "./findings";
export {
  createReportingGraph,
  type LineFilter,
  type ReportingGraph,
} from "./graph/reporting-graph";
export { compareCharts, compareFindingLists } from "./history/compare-charts";
export { type MergeResult, mergeScenario } from "./history/merge-scenario";
export { summariseOperations } from "./history/summarise-operations";
export * from "./layout";
export { isVacant } from "./roles";
export { type LeadingCodes, leadingCodesOf } from "./rounds/leading-codes";
export {
  type RoundBallot,
  type RoundTally,
  type RoundTallyInput,
  tallyRound,
} from "./rounds/tally-round";
export { normaliseName } from "./rules/catalogue";
export { type ResolvedSettings, resolveSettings } from "./settings";
export { summariseChart } from "./summarise";
export * from "./templates";
export {
  ADVISOR_QUESTIONS,
  type AdvisorAnswers,
  type ArchetypeId,
  type Recommendation,
  recommendArchetype,
} from "./templates/advisor";
export { validateChart } from "./validate";
