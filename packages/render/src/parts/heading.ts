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
  const lines = wrapText(cleanText(name), STYLE, [maxWidth]);
  return {
    width: maxWidth,
    height: lines.length * LINE_HEIGHT,
    draw(x, y, out) {
      out.push('<g data-part="heading">');
      lines.forEach((line, i) => {
        const top = y + i * LINE_HEIGHT;
        out.push(
          textElement(x, top + baselineOffset(STYLE.size, LINE_HEIGHT), line, STYLE, COLORS.text),
        );
      });
      out.push("</g>");
    },
  };
}
