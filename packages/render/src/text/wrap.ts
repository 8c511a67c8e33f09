import { type TextStyle, textWidth } from "./measure";

/** Lines and labels that do not fit end in this. */
export const ELLIPSIS = "…";

/**
 * `text` cut to the longest run of whole code points that fits `maxWidth` together with an
 * ellipsis; `text` itself when it fits. Linear in the length of the text.
 */
export function ellipsize(text: string, style: TextStyle, maxWidth: number): string {
  if (textWidth(text, style) <= maxWidth) return text;
  const budget = maxWidth - textWidth(ELLIPSIS, style);
  let used = 0;
  let end = 0;
  for (const char of text) {
    const width = textWidth(char, style);
    if (used + width > budget) break;
    used += width;
    end += char.length;
  }
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** The longest prefix of a word that fits (at least one code point), and the rest. */
function splitWord(word: string, style: TextStyle, maxWidth: number): [string, string] {
  let used = 0;
  let end = 0;
  for (const char of word) {
    const width = textWidth(char, style);
    if (end > 0 && used + width > maxWidth) break;
    used += width;
    end += char.length;
  }
  return [word.slice(0, end), word.slice(end)];
}

/**
 * Greedy word wrap of single-spaced text. Line `i` may be `widths[i]` wide (the last width
 * holds for every further line); a word wider than its line is broken between letters.
 * With `maxLines`, the last line takes the rest of the text and ends in an ellipsis when it
 * does not fit, like CSS `line-clamp`.
 */
export function wrapText(
  text: string,
  style: TextStyle,
  widths: readonly number[],
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const words = text.split(" ").filter((word) => word !== "");
  const space = textWidth(" ", style);
  const lines: string[] = [];
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    const width = widths[Math.min(lines.length, widths.length - 1)] ?? 0;
    if (lines.length === maxLines - 1) {
      lines.push(ellipsize(words.slice(index).join(" "), style, width));
      break;
    }
    const first = words[index] ?? "";
    let lineWidth = textWidth(first, style);
    if (lineWidth > width) {
      const [head, tail] = splitWord(first, style, width);
      lines.push(head);
      if (tail === "") index++;
      else words[index] = tail;
      continue;
    }
    let line = first;
    index++;
    while (index < words.length) {
      const word = words[index] ?? "";
      const next = lineWidth + space + textWidth(word, style);
      if (next > width) break;
      line = `${line} ${word}`;
      lineWidth = next;
      index++;
    }
    lines.push(line);
  }
  return lines;
}
