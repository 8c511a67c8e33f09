import type { ChartDocument } from "@rolemap/contract";
import type { Peer } from "../editor";

/** "Ada Lovelace" → "AL", "grace" → "G", "" → "?": the letters on an avatar. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return (
    (Array.from(first)[0] ?? "").toUpperCase() +
    (last ? (Array.from(last)[0] ?? "").toUpperCase() : "")
  );
}

/** The avatars the header has room for, and how many more there are ("+N"). */
export function visibleAvatars<T>(
  people: readonly T[],
  room: number,
): { shown: T[]; more: number } {
  if (people.length <= room) return { shown: [...people], more: 0 };
  const shown = people.slice(0, Math.max(0, room - 1));
  return { shown, more: people.length - shown.length };
}

type Names = Pick<ChartDocument, "roles" | "responsibilities" | "name">;

const titleOf = (document: Names, id: string) =>
  document.roles.find((role) => role.id === id)?.title ?? "a role";
const responsibilityOf = (document: Names, id: string) =>
  document.responsibilities.find((r) => r.id === id)?.name ?? "a responsibility";

/**
 * What a peer is doing, for the "who is here" list: "Editing CFO", "Selecting CTO and 2 more",
 * "In the matrix: CFO – Budget", or null when nothing is selected.
 */
export function describeActivity(
  peer: Pick<Peer, "roles" | "cells" | "editing">,
  document: Names,
): string | null {
  const editing = peer.editing;
  if (editing !== null) {
    switch (editing.target) {
      case "chart":
        return "Editing the chart name";
      case "role":
        return `Editing ${titleOf(document, editing.id)}`;
      case "responsibility":
        return `Editing ${responsibilityOf(document, editing.id)}`;
      case "cell":
        return "Editing a matrix cell";
    }
  }
  const [role, ...moreRoles] = peer.roles;
  if (role !== undefined)
    return moreRoles.length === 0
      ? `Selecting ${titleOf(document, role)}`
      : `Selecting ${titleOf(document, role)} and ${moreRoles.length} more`;
  const [cell, ...moreCells] = peer.cells;
  if (cell !== undefined) {
    const where = `${titleOf(document, cell.role)} – ${responsibilityOf(document, cell.responsibility)}`;
    return moreCells.length === 0
      ? `In the matrix: ${where}`
      : `In the matrix: ${where} and ${moreCells.length} more`;
  }
  return null;
}
