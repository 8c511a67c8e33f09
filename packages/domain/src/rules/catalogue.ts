import type { Finding } from "@rolemap/contract";
import type { ChartIndex } from "../chart-index";
import { listNames, makeFinding, sortIds } from "../findings";

/**
 * The contract's normalised name: lower-cased, everything but letters, digits and
 * whitespace removed, whitespace runs collapsed, trimmed.
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{Nd}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** catalogue/duplicate-responsibility: one finding per group of same-named rows. */
export function checkCatalogue(index: ChartIndex): Finding[] {
  const groups = new Map<string, string[]>();
  for (const { id, name } of index.document.responsibilities) {
    const key = normaliseName(name);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [id]);
    else group.push(id);
  }
  return [...groups.values()]
    .filter((group) => group.length >= 2)
    .map((group) => {
      const names = sortIds(group).map((id) => `"${index.responsibilityName(id)}"`);
      return makeFinding(
        "catalogue/duplicate-responsibility",
        [],
        group,
        `${group.length} responsibilities are the same by name (${listNames(names)}); merge them or tell them apart.`,
      );
    });
}
