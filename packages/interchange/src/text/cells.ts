import { unescapeSpreadsheetText } from "./spreadsheet-text";

/**
 * The value of a cell as the chart stores it: surrounding and repeated whitespace
 * (line breaks inside a quoted cell included) become nothing or one space, and the
 * formula guard of our own exports is removed.
 */
export function cellText(raw: string | undefined): string {
  if (raw === undefined) return "";
  return unescapeSpreadsheetText(raw.trim()).replace(/\s+/g, " ").trim();
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
