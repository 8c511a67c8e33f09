import type { ChartDocument, Operation, Responsibility } from "@rolemap/contract";
import { LIMITS } from "@rolemap/contract/constants";

/**
 * Edits of the matrix rows (responsibilities) as operation batches. Pure: each function
 * returns the operations to apply (empty when nothing would change) and changes nothing.
 */

export interface RowEdit {
  operations: Operation[];
  label: string;
}

const FALLBACK_ID = "responsibility";
/** Leaves room for a "-123" suffix within the id limit. */
const SLUG_LENGTH = 60;

/** "Cloud & platform (EU)" → "cloud-platform-eu": lower case, ASCII letters and digits, dashes. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_LENGTH)
    .replace(/-+$/, "");
}

/** An id made from the name that no responsibility has yet: "security", "security-2", … */
export function newResponsibilityId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugify(name) || FALLBACK_ID;
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate) && candidate.length <= LIMITS.idLength) return candidate;
  }
}

const clean = (text: string) => text.trim().replace(/\s+/g, " ");

/** Adds a row named `name` (at `index`, or at the end); null when the name is blank. */
export function addRowEdit(
  document: Pick<ChartDocument, "responsibilities">,
  input: { name: string; category?: string | null },
  index?: number,
): RowEdit | null {
  const name = clean(input.name).slice(0, LIMITS.nameLength);
  if (name === "") return null;
  const category = clean(input.category ?? "");
  const responsibility: Responsibility = {
    id: newResponsibilityId(
      name,
      document.responsibilities.map((r) => r.id),
    ),
    name,
    ...(category === "" ? {} : { category }),
  };
  const operation: Operation =
    index === undefined || index >= document.responsibilities.length
      ? { op: "addResponsibility", responsibility }
      : { op: "addResponsibility", responsibility, index: Math.max(0, index) };
  return { operations: [operation], label: `Add responsibility “${name}”` };
}

/** Renames a row; null when the new name is blank or the same. */
export function renameRowEdit(
  row: Pick<Responsibility, "id" | "name">,
  name: string,
): RowEdit | null {
  const next = clean(name).slice(0, LIMITS.nameLength);
  if (next === "" || next === row.name) return null;
  return {
    operations: [{ op: "updateResponsibility", id: row.id, changes: { name: next } }],
    label: `Rename “${row.name}” to “${next}”`,
  };
}

/** Sets or (blank) clears a row's category; null when it stays the same. */
export function categoriseRowEdit(
  row: Pick<Responsibility, "id" | "name" | "category">,
  category: string,
): RowEdit | null {
  const next = clean(category);
  const current = clean(row.category ?? "");
  if (next === current) return null;
  return {
    operations: [
      { op: "updateResponsibility", id: row.id, changes: { category: next === "" ? null : next } },
    ],
    label: next === "" ? `Clear the category of “${row.name}”` : `Put “${row.name}” in ${next}`,
  };
}

/** Removes a row with its assignments (undo brings both back). */
export function removeRowEdit(row: Pick<Responsibility, "id" | "name">): RowEdit {
  return {
    operations: [{ op: "removeResponsibility", id: row.id }],
    label: `Remove responsibility “${row.name}”`,
  };
}

/** Moves a row one place up (-1) or down (+1); null at the top or bottom. */
export function moveRowEdit(
  document: { responsibilities: readonly Pick<Responsibility, "id" | "name">[] },
  id: string,
  direction: -1 | 1,
): RowEdit | null {
  const from = document.responsibilities.findIndex((r) => r.id === id);
  const to = from + direction;
  const row = document.responsibilities[from];
  if (row === undefined || to < 0 || to >= document.responsibilities.length) return null;
  return {
    operations: [{ op: "moveResponsibility", id, index: to }],
    label: `Move “${row.name}” ${direction < 0 ? "up" : "down"}`,
  };
}

/** The distinct categories of the rows, in first-use order (for the category picker). */
export function categoriesOf(rows: readonly { category?: string | null | undefined }[]): string[] {
  const seen = new Set<string>();
  for (const { category } of rows) {
    const name = clean(category ?? "");
    if (name !== "") seen.add(name);
  }
  return [...seen];
}
