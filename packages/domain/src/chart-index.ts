import type { ChartDocument, RaciCode, Responsibility, Role } from "@rolemap/contract";
import { isVacant } from "./roles";
import { type ResolvedSettings, resolveSettings } from "./settings";

/** Role ids holding each code on one responsibility, in document order. */
export type CodeHolders = Record<RaciCode, string[]>;

/**
 * One pass over a document into the lookups every rule needs, so no rule scans the
 * assignment list again. Read-only: nothing here mutates the document.
 */
export interface ChartIndex {
  readonly document: ChartDocument;
  readonly settings: ResolvedSettings;
  readonly roles: ReadonlyMap<string, Role>;
  readonly responsibilities: ReadonlyMap<string, Responsibility>;
  /** Codes per responsibility id; every responsibility has an entry. */
  readonly holders: ReadonlyMap<string, CodeHolders>;
  /** People-facing name of a role: its title, told apart by holder when titles repeat. */
  roleLabel(roleId: string): string;
  responsibilityName(responsibilityId: string): string;
}

const emptyHolders = (): CodeHolders => ({ R: [], A: [], C: [], I: [], S: [] });

export function indexChart(document: ChartDocument): ChartIndex {
  const roles = new Map(document.roles.map((role) => [role.id, role]));
  const responsibilities = new Map(document.responsibilities.map((r) => [r.id, r]));
  const holders = new Map(document.responsibilities.map((r) => [r.id, emptyHolders()]));
  // A valid document has no repeated (role, responsibility, code): no de-duplication here.
  for (const { role, responsibility, code } of document.assignments) {
    holders.get(responsibility)?.[code].push(role);
  }

  const titleCount = new Map<string, number>();
  for (const role of document.roles)
    titleCount.set(role.title, (titleCount.get(role.title) ?? 0) + 1);

  const labelOf = (roleId: string) => {
    const role = roles.get(roleId);
    if (role === undefined) return roleId;
    if ((titleCount.get(role.title) ?? 0) < 2) return role.title;
    return `${role.title} (${isVacant(role) ? "vacant" : role.holder?.trim()})`;
  };
  // Many findings name the same roles; build each label once.
  const labels = new Map<string, string>();

  return {
    document,
    settings: resolveSettings(document.settings),
    roles,
    responsibilities,
    holders,
    roleLabel(roleId) {
      let label = labels.get(roleId);
      if (label === undefined) {
        label = labelOf(roleId);
        labels.set(roleId, label);
      }
      return label;
    },
    responsibilityName(responsibilityId) {
      return responsibilities.get(responsibilityId)?.name ?? responsibilityId;
    },
  };
}
