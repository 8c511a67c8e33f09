import type { TextStyle } from "../text/measure";
import { escapeXml } from "../text/xml-text";
import { num } from "./number";

export type TextAnchor = "start" | "middle" | "end";

/**
 * A `<text>` element; `content` must already be clean (see cleanText). Every attribute is
 * written out (no CSS), so resvg, pdfkit and browsers all read the same thing.
 */
export function textElement(
  x: number,
  baseline: number,
  content: string,
  style: TextStyle,
  fill: string,
  anchor: TextAnchor = "start",
): string {
  const anchorAttribute = anchor === "start" ? "" : ` text-anchor="${anchor}"`;
  return `<text x="${num(x)}" y="${num(baseline)}" font-size="${num(style.size)}" font-weight="${style.weight}" fill="${fill}"${anchorAttribute}>${escapeXml(content)}</text>`;
}
