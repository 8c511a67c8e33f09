import type { ChartDocument, TemplateSummary } from "@rolemap/contract";

export type { TemplateSummary };

/** A built-in starting point: one of the archetypes of the domain brief. */
export interface Template extends TemplateSummary {
  document: ChartDocument;
}
