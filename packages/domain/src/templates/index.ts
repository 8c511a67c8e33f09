import { classicSplitTemplate } from "./classic-split";
import { deepCopy, deepFreeze } from "./copy";
import { ctoUnderCioTemplate } from "./cto-under-cio";
import { digitalProductLaunchTemplate } from "./digital-product-launch";
import { operationsLedTemplate } from "./operations-led";
import { productLedTemplate } from "./product-led";
import { singleTechnologyLeaderTemplate } from "./single-technology-leader";
import type { Template, TemplateSummary } from "./template";

export type { Template, TemplateSummary } from "./template";

/**
 * The built-in templates, in the order of the domain brief's archetypes. The objects are
 * frozen shared originals: read them freely, but use `getTemplate` for a document to edit.
 */
export const TEMPLATES: readonly Template[] = deepFreeze([
  classicSplitTemplate,
  singleTechnologyLeaderTemplate,
  ctoUnderCioTemplate,
  productLedTemplate,
  operationsLedTemplate,
  digitalProductLaunchTemplate,
]);

/** Every template without its document, for pickers and `rolemap templates`. */
export function listTemplates(): TemplateSummary[] {
  return TEMPLATES.map(({ id, name, description, demonstrates }) =>
    demonstrates === undefined
      ? { id, name, description }
      : { id, name, description, demonstrates },
  );
}

/** The template with this id as a fresh copy the caller may change, or undefined. */
export function getTemplate(id: string): Template | undefined {
  const template = TEMPLATES.find((candidate) => candidate.id === id);
  return template === undefined ? undefined : deepCopy(template);
}
