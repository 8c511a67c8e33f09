import { textElement } from "../svg/text";
import { baselineOffset, type TextStyle } from "../text/measure";
import { wrapText } from "../text/wrap";
import { cleanText } from "../text/xml-text";
import { COLORS } from "../theme";
import type { Block } from "./block";

const STYLE: TextStyle = { size: 28, weight: 700 };
const LINE_HEIGHT = 35;

/** The chart's name as the page heading, wrapped to `maxWidth` (names are at most 200 characters). */
export function headingBlock(name: string, maxWidth: number): Block {
  return paragraphBlock(name, maxWidth, {
    part: "heading",
    style: STYLE,
    lineHeight: LINE_HEIGHT,
    color: COLORS.text,
  });
}

export interface ParagraphStyle {
  /** Its `data-part`. */
  part: string;
  style: TextStyle;
  lineHeight: number;
  color: string;
}

/** Text on one paragraph (white space folded), wrapped to `maxWidth`. */
export function paragraphBlock(text: string, maxWidth: number, look: ParagraphStyle): Block {
  const lines = wrapText(cleanText(text), look.style, [maxWidth]);
  return {
    width: maxWidth,
    height: lines.length * look.lineHeight,
    draw(x, y, out) {
      out.push(`<g data-part="${look.part}">`);
      lines.forEach((line, i) => {
        const top = y + i * look.lineHeight;
        out.push(
          textElement(
            x,
            top + baselineOffset(look.style.size, look.lineHeight),
            line,
            look.style,
            look.color,
          ),
        );
      });
      out.push("</g>");
    },
  };
}
