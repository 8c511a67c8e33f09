/**
 * Formula-injection guard for text written into spreadsheet cells (CSV and XLSX), the one
 * place both writers take it from. Excel, LibreOffice and Google Sheets run a cell that
 * starts with `=`, `+`, `-` or `@` (and, after their own trimming, a tab or carriage
 * return) as a formula, so such text gets a leading apostrophe, OWASP's neutraliser.
 * A line feed counts too: a CSV reader (ours included) turns a carriage return into one.
 *
 * The guard is undone exactly: text that starts with apostrophes before one of those
 * characters gets one more apostrophe, and `unescapeSpreadsheetText` removes one from
 * precisely the cells of that shape (`'` + apostrophes + trigger), which every guarded
 * text has and text the guard leaves alone cannot have. So `unescape(escape(text)) ===
 * text` for every string, and text like `'quoted` or `Cost = value` is written as it is.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r\n]/;
const GUARDED = /^'+[=+\-@\t\r\n]/;

export function escapeSpreadsheetText(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** Removes the apostrophe `escapeSpreadsheetText` added; any other text is returned as is. */
export function unescapeSpreadsheetText(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
