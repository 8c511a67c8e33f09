import type { Role } from "@rolemap/contract";
import { matchKey } from "../text/cells";

/**
 * Column headers for the roles of a matrix file, unique so a file can be read back into
 * the same chart: the title when no other role has it; "Title (Holder)" or
 * "Title (vacant)" for repeated titles; and " #2", " #3"… for what still repeats (two
 * vacant Engineers). Compared as the import compares them: without case or extra spaces.
 */
export function roleColumnLabels(roles: readonly Role[]): string[] {
  const titleUses = new Map<string, number>();
  for (const role of roles) {
    const key = matchKey(role.title);
    titleUses.set(key, (titleUses.get(key) ?? 0) + 1);
  }
  const wanted = roles.map((role) => {
    const title = tidy(role.title);
    return (titleUses.get(matchKey(title)) ?? 0) > 1
      ? `${title} (${holderName(role) ?? "vacant"})`
      : title;
  });
  const used = new Set(wanted.map(matchKey));
  const seen = new Set<string>();
  return wanted.map((label) => {
    const key = matchKey(label);
    if (!seen.has(key)) {
      seen.add(key);
      return label;
    }
    let number = 2;
    while (used.has(matchKey(`${label} #${number}`))) number += 1;
    const numbered = `${label} #${number}`;
    used.add(matchKey(numbered));
    return numbered;
  });
}

/** The holder's name, or null for a vacant role (holder null, missing or blank). */
export function holderName(role: Role): string | null {
  const holder = tidy(role.holder ?? "");
  return holder === "" ? null : holder;
}

/** Text as a cell is read back: no surrounding or repeated spaces. */
function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
