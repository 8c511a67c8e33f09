import type { Assignment, ChartDocument, RaciCode, Responsibility, Role } from "@rolemap/contract";
import { isVacant } from "./roles";
import { type ResolvedSettings, resolveSettings } from "./settings";

/**
 * The roles holding each code on one responsibility, as role positions (indexes into
 * `document.roles`), in assignment order. A valid document never repeats a (role,
 * responsibility, code), so no list has repeats.
 */
export type CodeHolders = Record<RaciCode, number[]>;

/**
 * One pass over a document into the lookups every rule needs, so no rule scans the
 * assignment list again or looks a role up by id: roles are numbered by their position
 * in `document.roles`, and per-role facts live in arrays, not maps. Read-only: nothing
 * here mutates the document.
 */
export interface ChartIndex {
  readonly document: ChartDocument;
  readonly settings: ResolvedSettings;
  /** Role ids by position. */
  readonly roleIds: readonly string[];
  /** Position of each role id. */
  readonly roleAt: ReadonlyMap<string, number>;
  /** Code holders of each responsibility, by the responsibility's position. */
  readonly holders: readonly CodeHolders[];
  /** People-facing name of a role: its title, told apart by holder when titles repeat. */
  label(position: number): string;
  roleLabel(roleId: string): string;
  responsibilityName(responsibilityId: string): string;
}

export function indexChart(document: ChartDocument): ChartIndex {
  const { roles, responsibilities } = document;
  const roleIds = new Array<string>(roles.length);
  const roleAt = new Map<string, number>();
  roles.forEach(({ id }, position) => {
    roleIds[position] = id;
    roleAt.set(id, position);
  });
  const responsibilityAt = new Map<string, number>();
  const holders = responsibilities.map(({ id }, position): CodeHolders => {
    responsibilityAt.set(id, position);
    return { R: [], A: [], C: [], I: [], S: [] };
  });
  // An indexed loop: this runs once per document, often before the optimiser has seen
  // it, and `for…of` there allocates a step object per assignment.
  const { assignments } = document;
  for (let i = 0; i < assignments.length; i++) {
    const { role, responsibility, code } = assignments[i] as Assignment;
    const position = roleAt.get(role);
    const row = responsibilityAt.get(responsibility);
    if (position !== undefined && row !== undefined) holders[row]?.[code].push(position);
  }

  // Labels are built on first use, once per role; most findings name few roles.
  const labels = new Array<string | undefined>(roles.length);
  let repeated: ReadonlySet<string> | undefined;
  const label = (position: number) => {
    const cached = labels[position];
    if (cached !== undefined) return cached;
    const role = roles[position] as Role;
    repeated ??= repeatedTitles(roles);
    const made = repeated.has(role.title)
      ? `${role.title} (${isVacant(role) ? "vacant" : role.holder?.trim()})`
      : role.title;
    labels[position] = made;
    return made;
  };

  return {
    document,
    settings: resolveSettings(document.settings),
    roleIds,
    roleAt,
    holders,
    label,
    roleLabel(roleId) {
      const position = roleAt.get(roleId);
      return position === undefined ? roleId : label(position);
    },
    responsibilityName(responsibilityId) {
      const row = responsibilityAt.get(responsibilityId);
      return row === undefined ? responsibilityId : (responsibilities[row] as Responsibility).name;
    },
  };
}

/** Titles held by two or more roles: only those need the holder to tell them apart. */
function repeatedTitles(roles: readonly Role[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { title } of roles) {
    // One hash operation per role: the set did not grow, so the title was there.
    const before = seen.size;
    if (seen.add(title).size === before) repeated.add(title);
  }
  return repeated;
}
