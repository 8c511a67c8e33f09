import { CHIP_HEIGHT, chipWidth, drawChip, rule } from "../parts/appendix";
import type { Block } from "../parts/block";
import type { SvgOutput } from "../svg/output";
import { textElement } from "../svg/text";
import { baselineOffset, type TextStyle } from "../text/measure";
import { wrapText } from "../text/wrap";
import { COLORS } from "../theme";
import type { ChangeItem, ChangeMark, ChangeSection } from "./describe-changes";
import { MARK_STYLES } from "./marks";

/**
 * The list of changes under the chart, as the findings appendix lists findings: a heading,
 * then each section (roles, lines, responsibilities, matrix cells) with one row per change,
 * a chip saying what kind ("+ Added") and the change in words, wrapped to the width.
 */

const TITLE: TextStyle = { size: 22, weight: 700 };
const TITLE_LINE = 30;
const SECTION: TextStyle = { size: 16, weight: 700 };
const SECTION_LINE = 26;
const SECTION_GAP = 14;
const TEXT: TextStyle = { size: 15, weight: 400 };
const NOTE: TextStyle = { size: 14, weight: 400 };
const LINE = 21;
const ROW_PADDING = 6;
const COLUMN_GAP = 16;
const MARKS: readonly ChangeMark[] = ["added", "moved", "changed", "removed"];
const CHIP_COLUMN =
  Math.max(...MARKS.map((mark) => chipWidth(MARK_STYLES[mark].chip))) + COLUMN_GAP;

interface Row {
  item: ChangeItem;
  lines: string[];
  height: number;
}

interface Part {
  section: ChangeSection;
  rows: Row[];
  note: string[];
}

export function changesBlock(sections: readonly ChangeSection[], width: number): Block {
  const textWidth = width - CHIP_COLUMN;
  const parts: Part[] = sections.map((section) => ({
    section,
    rows: section.items.map((item) => {
      const lines = wrapText(item.text, TEXT, [textWidth]);
      return { item, lines, height: Math.max(1, lines.length) * LINE + 2 * ROW_PADDING };
    }),
    note: section.note === undefined ? [] : wrapText(section.note, NOTE, [width]),
  }));
  const empty = parts.length === 0;
  let height = TITLE_LINE + (empty ? LINE : 0);
  for (const part of parts) {
    height += SECTION_GAP + SECTION_LINE;
    for (const row of part.rows) height += row.height;
    height += part.note.length * LINE;
  }

  return {
    width,
    height,
    draw(x, y, out) {
      out.push('<g data-part="changes">');
      out.push(
        textElement(x, y + baselineOffset(TITLE.size, TITLE_LINE), "Changes", TITLE, COLORS.text),
      );
      let top = y + TITLE_LINE;
      if (empty)
        out.push(
          textElement(
            x,
            top + baselineOffset(TEXT.size, LINE),
            "None: the two charts are the same.",
            TEXT,
            COLORS.textMuted,
          ),
        );
      for (const part of parts) {
        top += SECTION_GAP;
        out.push(
          textElement(
            x,
            top + baselineOffset(SECTION.size, SECTION_LINE),
            part.section.title,
            SECTION,
            COLORS.text,
          ),
          rule(x, top + SECTION_LINE, width, COLORS.borderSubtle),
        );
        top += SECTION_LINE;
        for (const row of part.rows) {
          drawRow(row, x, top, out);
          top += row.height;
          out.push(rule(x, top, width, COLORS.rowRule));
        }
        for (const line of part.note) {
          out.push(
            textElement(x, top + baselineOffset(NOTE.size, LINE), line, NOTE, COLORS.textMuted),
          );
          top += LINE;
        }
      }
      out.push("</g>");
    },
  };
}

function drawRow(row: Row, x: number, top: number, out: SvgOutput): void {
  const { mark } = row.item;
  const style = MARK_STYLES[mark];
  out.push(`<g data-change="${mark}">`);
  drawChip(
    x,
    top + ROW_PADDING + (LINE - CHIP_HEIGHT) / 2,
    { label: style.chip, text: style.ink, fill: style.fill },
    out,
  );
  row.lines.forEach((line, i) => {
    out.push(
      textElement(
        x + CHIP_COLUMN,
        top + ROW_PADDING + i * LINE + baselineOffset(TEXT.size, LINE),
        line,
        TEXT,
        COLORS.text,
      ),
    );
  });
  out.push("</g>");
}
