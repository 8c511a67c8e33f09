/** Byte order mark first, so Excel reads the file as UTF-8 and shows accents right. */
const BOM = "\ufeff";
/** Besides RFC 4180's quote, comma and line breaks: the other separators readers guess. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One RFC 4180 field: quoted when it holds a quote, a comma, a semicolon, a tab or a line
 * break, so the only separators outside quotes are the file's commas (see readCsv).
 */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A whole RFC 4180 file: comma-separated, CRLF after every record, UTF-8 BOM first. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
