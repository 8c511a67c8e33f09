/**
 * Formula-injection guard for text written into spreadsheet cells (CSV and XLSX), the one
 * place both writers take it from. Excel, LibreOffice and Google Sheets run a cell that
 * starts with `=`, `+`, `-` or `@` as a formula — after their own trimming of white space,
 * tabs and line breaks, and some after folding full-width forms (`＝`) — so such text gets
 * a leading apostrophe, OWASP's neutraliser. A leading tab or line break is guarded
 * whatever follows it (a CSV reader, ours included, turns a carriage return into one).
 *
 * The guard is undone exactly: text that starts with apostrophes before one of those
 * characters gets one more apostrophe, and `unescapeSpreadsheetText` removes one from
 * precisely the cells of that shape (`'` + apostrophes + a trigger, perhaps after white
 * space), which every guarded text has and text the guard leaves alone cannot have. So `unescape(escape(text)) ===
 * text` for every string, and text like `'quoted` or `Cost = value` is written as it is.
 */

/** Characters a spreadsheet reads as the start of a formula, after NFKC (so `＝` is `=`). */
const TRIGGERS = new Set(["=", "+", "-", "@"]);
/** Line breaks and tabs are triggers of their own: readers trim them, or turn them into cells. */
const BREAKS = /[\t\r\n]/;
/** What readers may trim before the first visible character: white space, controls, BOMs. */
const TRIMMABLE = /[\s\p{Cc}\p{Cf}]/u;

/**
 * Whether a text, once its leading apostrophes are set aside, could start a formula: its
 * first character is a line break or tab, or its first visible character (after any white
 * space — Google Sheets and LibreOffice trim it) is a trigger in any width (`＝1`, `﹢1`).
 */
function needsGuard(text: string): boolean {
  let index = 0;
  while (text[index] === "'") index++;
  for (const char of text.slice(index)) {
    if (BREAKS.test(char)) return true;
    if (TRIMMABLE.test(char)) continue;
    return TRIGGERS.has(char.normalize("NFKC"));
  }
  return false;
}

export function escapeSpreadsheetText(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/** Removes the apostrophe `escapeSpreadsheetText` added; any other text is returned as is. */
export function unescapeSpreadsheetText(text: string): string {
  return text.startsWith("'") && needsGuard(text) ? text.slice(1) : text;
}
