import type { PromoteConflict } from "@rolemap/contract";
import { sameJson } from "../edit/diff-charts";

/**
 * Three-way merge of the rows with an id (roles, responsibilities) for `mergeScenario`:
 * each field goes to the side that changed it since the base; both changing it alike is
 * one change; both changing it differently is a conflict. A row one side removed while
 * the other changed it (or its lines and cells) is a conflict too.
 */

/** One thing as it was at the base, as the scenario has it and as the original has it now. */
export interface Three<T> {
  base: T;
  scenario: T;
  current: T;
}

/** The value the merge keeps, or a clash when both sides changed it differently. */
export function choose<V>(
  base: V,
  scenario: V,
  current: V,
  same: (x: V, y: V) => boolean = sameJson,
): { value: V } | undefined {
  if (same(scenario, base)) return { value: current };
  if (same(current, base) || same(scenario, current)) return { value: scenario };
  return undefined;
}

/** A field's value for people: quoted text, or "none". */
export const shown = (value: unknown) =>
  value === undefined || value === null || value === ""
    ? "none"
    : typeof value === "string"
      ? `"${value}"`
      : String(value);

export interface RowKind<T> {
  kind: "role" | "responsibility";
  /** "CIO", "the row Data governance": how a message names the row. */
  name: (row: T) => string;
  fields: readonly (keyof T & string)[];
  /** Fields where the scenario wins a clash (a role's place on the canvas). */
  lenient: readonly string[];
  /** Field equality where the plain JSON one is too strict (vacant holders); undefined: JSON. */
  same?: (field: string, x: T | undefined, y: T | undefined) => boolean | undefined;
}

export interface RowMerge<T> {
  /** The rows kept (with a field clash: the scenario's value, and a conflict reported). */
  merged: Map<string, T>;
}

/** Did `side` change a field of `base` other than the lenient ones? */
function isEdited<T extends { id: string }>(spec: RowKind<T>, base: T, side: T): boolean {
  return spec.fields.some(
    (field) =>
      !spec.lenient.includes(field) &&
      !(spec.same?.(field, base, side) ?? sameJson(base[field], side[field])),
  );
}

export function mergeRows<T extends { id: string }>(
  spec: RowKind<T>,
  lists: Three<readonly T[]>,
  touched: { scenario: ReadonlySet<string>; current: ReadonlySet<string> },
  conflicts: PromoteConflict[],
): RowMerge<T> {
  const byId = (rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));
  const [base, scenario, current] = [byId(lists.base), byId(lists.scenario), byId(lists.current)];
  const result: RowMerge<T> = { merged: new Map() };
  const ids = new Set([...base.keys(), ...scenario.keys(), ...current.keys()]);
  for (const id of ids) {
    const [b, s, c] = [base.get(id), scenario.get(id), current.get(id)];
    if (s !== undefined && c !== undefined) {
      result.merged.set(id, mergeFields(spec, b, s, c, conflicts));
    } else if (b !== undefined && (s !== undefined || c !== undefined)) {
      // One side removed it: fine unless the other changed it since.
      const kept = (s ?? c) as T;
      const keeper = s !== undefined ? "scenario" : "current";
      // Left out of `merged`: its links go with it, not reported again as conflicts.
      if (!isEdited(spec, b, kept) && !touched[keeper].has(id)) continue;
      conflicts.push({
        kind: spec.kind,
        subject: id,
        message:
          keeper === "current"
            ? `the scenario removes ${spec.name(b)}, which the original has changed since`
            : `the original no longer has ${spec.name(b)}, which the scenario changes`,
      });
    } else if (b === undefined) result.merged.set(id, (s ?? c) as T);
  }
  return result;
}

/**
 * One row both sides have (or both added): field by field. A field both changed
 * differently is a conflict and takes the scenario's value, so that the row's links are
 * still merged and their conflicts reported too.
 */
function mergeFields<T extends { id: string }>(
  spec: RowKind<T>,
  b: T | undefined,
  s: T,
  c: T,
  conflicts: PromoteConflict[],
): T {
  if (b !== undefined && sameJson(s, b)) return c;
  if (b !== undefined && sameJson(c, b)) return s;
  if (sameJson(s, c)) return s;
  const row: Record<string, unknown> = { id: s.id };
  for (const field of spec.fields) {
    const same = (x: T | undefined, y: T | undefined) =>
      spec.same?.(field, x, y) ?? sameJson(x?.[field], y?.[field]);
    const picked = choose<T | undefined>(b, s, c, same);
    const value = (picked?.value ?? s)[field];
    if (picked === undefined && !spec.lenient.includes(field)) {
      const clash =
        b === undefined
          ? `both added ${spec.name(c)}, with another ${field}`
          : `both changed the ${field} of ${spec.name(b)}`;
      conflicts.push({
        kind: spec.kind,
        subject: s.id,
        field,
        message: `${clash}: ${shown(s[field])} in the scenario, ${shown(c[field])} in the original`,
      });
    }
    if (value !== undefined) row[field] = value;
  }
  return row as T;
}
