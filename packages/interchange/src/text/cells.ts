import { unescapeSpreadsheetText } from "./spreadsheet-text";

/**
 * The value of a cell as the chart stores it: the formula guard of our own exports
 * removed first (so a cell reads back as exactly the text the export was given), then
 * surrounding and repeated whitespace (line breaks inside a quoted cell included) become
 * nothing or one space.
 *
 * Org lists come from HR systems, not from us, and are unguarded the same way on purpose:
 * only a cell of the guard's own shape (an apostrophe before apostrophes and `=`, `+`,
 * `-`, `@` or a line break) loses its first apostrophe. That is what exporters that follow
 * OWASP (many HR systems, and ours) write to protect a value such as "-Contractor";
 * nobody types it as part of a title or name (a spreadsheet keeps a typed leading
 * apostrophe out of the value), and our exports guard the value again.
 */
export function cellText(raw: string | undefined): string {
  if (raw === undefined) return "";
  return unescapeSpreadsheetText(raw).replace(/\s+/g, " ").trim();
}

/** Key for matching names, titles and emails: case-, width- and spacing-insensitive. */
export function matchKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** "3", "3 and 9", "3, 9 and 12". */
export function listNumbers(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join("");
  return `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

/** A value quoted for a message: `"J. Doe"`. */
export function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Key for recognising a column header: "Manager's E-mail " → "managers e mail",
 * "Emp #" → "emp no"; lower case, accents and apostrophes dropped, punctuation as spaces.
 */
export function headerKey(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/#/g, " no ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
