import type { ChartDocument } from "@rolemap/contract";

/** A built-in starting point: one of the archetypes of the domain brief. */
export interface Template {
  id: string;
  name: string;
  /** When this structure fits, in a sentence or two. */
  description: string;
  /** What the template's findings demonstrate, when it deliberately has any errors. */
  demonstrates?: string;
  document: ChartDocument;
}

export type TemplateSummary = Omit<Template, "document">;
