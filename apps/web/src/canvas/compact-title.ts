/**
 * A title as a compact card shows it (zoomed far out, in 28px bold): whole if it fits in
 * three lines, otherwise its first words with an ellipsis. The card clips nothing itself:
 * a clip per card costs the browser on every frame of a drag (RoleNode.module.css), so the
 * text is fitted here, by wrapping it as the card would.
 *
 * A line holds about 12 characters: the card is 216px wide inside, and a bold character
 * of the system fonts is 15–17px on average (17.3px for "Manager of Product 167" in
 * DejaVu Sans Bold). A word longer than a line is broken across lines, as
 * `overflow-wrap: break-word` does. The card's tooltip has the whole title.
 */
export const COMPACT_LINE_LENGTH = 12;
export const COMPACT_LINES = 3;

const ELLIPSIS = "…";

/** How many lines `words` take when wrapped greedily into lines of `COMPACT_LINE_LENGTH`. */
function linesNeeded(words: readonly string[]): number {
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const length = word.length;
    if (used > 0 && used + 1 + length <= COMPACT_LINE_LENGTH) {
      used += 1 + length;
      continue;
    }
    if (used > 0) lines++;
    // Starts a line; a word longer than a line spills over onto the next ones.
    const spill = Math.max(0, Math.ceil(length / COMPACT_LINE_LENGTH) - 1);
    lines += spill;
    used = length - spill * COMPACT_LINE_LENGTH;
  }
  return lines;
}

/** `lines`: fewer than three where the card shows a mark below the title (vacant, findings). */
export function compactTitle(title: string, lines = COMPACT_LINES): string {
  const fits = (words: readonly string[]) => linesNeeded(words) <= lines;
  const words = title
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "");
  if (fits(words)) return words.join(" ");
  // The most whole words that fit with the ellipsis after the last of them.
  for (let count = words.length - 1; count >= 1; count--) {
    const kept = words.slice(0, count);
    kept[count - 1] += ELLIPSIS;
    if (fits(kept)) return kept.join(" ");
  }
  // Not even the first word fits: as much of it as the lines hold.
  const first = words[0] ?? "";
  return `${first.slice(0, lines * COMPACT_LINE_LENGTH - 1)}${ELLIPSIS}`;
}
