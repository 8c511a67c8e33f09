import type { ChartDocument, Finding } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";

/** The findings an export lists: every rule's, or null when the caller did not ask. */
export function exportFindings(document: ChartDocument, wanted: boolean): Finding[] | null {
  return wanted ? validateChart(document) : null;
}

export interface FindingLabels {
  /** "CIO, CTO": the titles of the finding's roles. */
  roles(finding: Finding): string;
  /** The names of the finding's responsibilities. */
  responsibilities(finding: Finding): string;
}

/** Titles and names for findings, which hold ids (an id that matches nothing stays). */
export function createFindingLabels(document: ChartDocument): FindingLabels {
  const titles = new Map(document.roles.map((role) => [role.id, role.title]));
  const names = new Map(document.responsibilities.map((item) => [item.id, item.name]));
  return {
    roles: (finding) => finding.roles.map((id) => titles.get(id) ?? id).join(", "),
    responsibilities: (finding) =>
      finding.responsibilities.map((id) => names.get(id) ?? id).join(", "),
  };
}
