/**
 * Text from a chart as it may appear in SVG: characters XML 1.0 forbids (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF) become U+FFFD so the output always parses, and runs of
 * white space become one space (SVG would collapse them anyway, and the measurement must
 * see what is drawn).
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const WHITE_SPACE = /[ \t\n\r\v\f\u0085\u2028\u2029]+/g;

export function cleanText(text: string): string {
  return xmlSafeText(text.replace(WHITE_SPACE, " ")).trim();
}

/**
 * Text with every character XML 1.0 forbids (see above) replaced by U+FFFD and nothing
 * else changed: for XML that libraries write from chart text (OOXML, PDF metadata), which
 * escape markup but pass these through or drop them.
 */
export function xmlSafeText(text: string): string {
  return text.replace(FORBIDDEN, "\ufffd");
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // A parser turns literal tabs and line breaks in attributes into spaces: keep them.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};
const SPECIAL = /[&<>"']/g;
const ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/g;

/** Escapes text for element content and (double- or single-quoted) attribute values. */
export function escapeXml(text: string): string {
  return text.replace(SPECIAL, (char) => ENTITIES[char] ?? char);
}

/**
 * An attribute value from chart data (ids) that reads back exactly: forbidden characters
 * replaced, markup and white space other than spaces escaped.
 */
export function escapeAttribute(text: string): string {
  return xmlSafeText(text).replace(ATTRIBUTE_SPECIAL, (char) => ENTITIES[char] ?? char);
}
