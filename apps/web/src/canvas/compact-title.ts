/** What three lines of a compact card's large type hold; the card's tooltip has it all. */
export const COMPACT_TITLE_LENGTH = 34;

/**
 * A title as a compact card shows it (zoomed far out): whole if it fits in three lines,
 * otherwise cut after its last whole word, with an ellipsis. The card cuts nothing itself:
 * clipping each card's text costs the browser on every frame of a drag (RoleNode.module.css).
 */
export function compactTitle(title: string): string {
  const text = title.trim();
  if (text.length <= COMPACT_TITLE_LENGTH) return text;
  const cut = text.slice(0, COMPACT_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  // A word longer than half the room is cut inside the word rather than dropped.
  return `${(space > COMPACT_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
