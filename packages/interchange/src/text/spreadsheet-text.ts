/**
 * Formula-injection guard for text written into spreadsheet cells (CSV and XLSX).
 * Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@`
 * (and, after their own trimming, a tab or carriage return) as a formula, so such text
 * gets a leading apostrophe, the OWASP-recommended neutraliser. Text that already starts
 * with apostrophes before one of those characters gets one more, so `unescapeSpreadsheetText`
 * can undo the guard exactly.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function escapeSpreadsheetText(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** Removes the apostrophe `escapeSpreadsheetText` added; any other text is returned as is. */
export function unescapeSpreadsheetText(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
