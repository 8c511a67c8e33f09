import type { AccessLevel } from "@rolemap/contract";

/**
 * The contract's access levels in order, each including the ones before it. Kept here (a
 * typed copy of the order, checked by the compiler against the contract's type) so that the
 * editor's first chunk does not load the contract's zod schemas for one comparison.
 */
const RANK: Record<AccessLevel, number> = { view: 0, comment: 1, edit: 2, owner: 3 };

/** True when `level` includes `needed` (`edit` includes `comment` and `view`). */
export function hasAccess(level: AccessLevel, needed: AccessLevel): boolean {
  return RANK[level] >= RANK[needed];
}

/** The level in words, as a badge shows it. */
export const ACCESS_LABELS: Record<AccessLevel, string> = {
  view: "View only",
  comment: "Can comment",
  edit: "Can edit",
  owner: "Owner",
};
