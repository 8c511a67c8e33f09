import type { Role } from "@rolemap/contract";

/** A role is vacant when its holder is null, missing or blank. */
export function isVacant(role: Pick<Role, "holder">): boolean {
  return role.holder == null || role.holder.trim() === "";
}
