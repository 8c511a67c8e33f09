/** Byte order mark first, so Excel reads the file as UTF-8 and shows accents right. */
const BOM = "\ufeff";
const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted when it holds a quote, a comma or a line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A whole RFC 4180 file: comma-separated, CRLF after every record, UTF-8 BOM first. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
