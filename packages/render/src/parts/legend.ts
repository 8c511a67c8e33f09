import { num } from "../svg/number";
import type { SvgOutput } from "../svg/output";
import { textElement } from "../svg/text";
import { baselineOffset, type TextStyle, textWidth } from "../text/measure";
import { COLORS, DEF_IDS, LINES } from "../theme";
import { BADGE_HEIGHT, type BadgeData, badgeWidth, drawBadge } from "./badge";
import type { Block } from "./block";

/**
 * What the marks mean, in a bordered box: the two kinds of line drawn as the chart draws
 * them, the vacant card style, and (with findings) the badge. Items flow left to right and
 * wrap to further rows when they do not fit `maxWidth`.
 */

const TITLE: TextStyle = { size: 15, weight: 700 };
const LABEL: TextStyle = { size: 15, weight: 400 };
const PADDING = 12;
const ROW_HEIGHT = 28;
const ITEM_GAP = 28;
const SAMPLE_GAP = 8;
const SAMPLE_WIDTH = 40;
const SAMPLE_BADGE: BadgeData = { count: 2, worst: "error" };

export interface LegendItem {
  label: string;
  sampleWidth: number;
  drawSample(x: number, middle: number, out: SvgOutput): void;
}

/** The chart's own marks: the two kinds of line and the vacant card. */
export const CHART_LEGEND_ITEMS: readonly LegendItem[] = [
  {
    label: "Solid line: reports to",
    sampleWidth: SAMPLE_WIDTH,
    drawSample: (x, middle, out) =>
      out.push(
        `<path d="M${num(x + 2)} ${num(middle)}H${num(x + SAMPLE_WIDTH - 2)}" stroke="${COLORS.solidLine}" stroke-width="3" stroke-linecap="round"/>`,
      ),
  },
  {
    label: "Dotted line: functional line",
    sampleWidth: SAMPLE_WIDTH,
    drawSample: (x, middle, out) =>
      out.push(
        `<path d="M${num(x + 3)} ${num(middle)}H${num(x + SAMPLE_WIDTH - 2)}" stroke="${COLORS.dottedLine}" stroke-width="${LINES.dottedWidth}" stroke-linecap="round" stroke-dasharray="0.1 8"/>`,
      ),
  },
  {
    label: "Vacant role",
    sampleWidth: 30,
    drawSample: (x, middle, out) =>
      out.push(
        `<rect x="${num(x + 1)}" y="${num(middle - 8)}" width="28" height="16" rx="3" fill="url(#${DEF_IDS.vacantPattern})" stroke="${COLORS.vacantBorder}" stroke-width="2" stroke-dasharray="4 3"/>`,
      ),
  },
];

const FINDINGS_ITEM: LegendItem = {
  label: "Findings involving the role (! when one is an error)",
  sampleWidth: badgeWidth(SAMPLE_BADGE),
  drawSample: (x, middle, out) =>
    drawBadge(x + badgeWidth(SAMPLE_BADGE), middle - BADGE_HEIGHT / 2, SAMPLE_BADGE, out, false),
};

const TITLE_TEXT = "Legend";

export function legendBlock(maxWidth: number, withFindings: boolean): Block {
  return legendOf(
    withFindings ? [...CHART_LEGEND_ITEMS, FINDINGS_ITEM] : CHART_LEGEND_ITEMS,
    maxWidth,
  );
}

/** A legend box of any items (a comparison adds its marks to the chart's). */
export function legendOf(items: readonly LegendItem[], maxWidth: number): Block {
  const titleWidth = textWidth(TITLE_TEXT, TITLE);
  const inner = maxWidth - 2 * PADDING;

  // Place the title and the items in rows: [x offset, row] for each, from the box's inside.
  const placed: { item: LegendItem | null; x: number; row: number }[] = [
    { item: null, x: 0, row: 0 },
  ];
  let x = titleWidth + ITEM_GAP;
  let row = 0;
  let widest = titleWidth;
  for (const item of items) {
    const width = item.sampleWidth + SAMPLE_GAP + textWidth(item.label, LABEL);
    if (x > 0 && x + width > inner) {
      row++;
      x = 0;
    }
    placed.push({ item, x, row });
    x += width;
    widest = Math.max(widest, x);
    x += ITEM_GAP;
  }
  const width = widest + 2 * PADDING;
  const height = (row + 1) * ROW_HEIGHT + 2 * PADDING;

  return {
    width,
    height,
    draw(left, top, out) {
      out.push(
        '<g data-part="legend">',
        `<rect x="${num(left + 0.5)}" y="${num(top + 0.5)}" width="${num(width - 1)}" height="${num(height - 1)}" rx="8" fill="${COLORS.surface}" stroke="${COLORS.borderSubtle}" stroke-width="1"/>`,
      );
      for (const { item, x: offset, row: index } of placed) {
        const rowTop = top + PADDING + index * ROW_HEIGHT;
        const baseline = rowTop + baselineOffset(LABEL.size, ROW_HEIGHT);
        const x = left + PADDING + offset;
        if (item === null) {
          out.push(textElement(x, baseline, TITLE_TEXT, TITLE, COLORS.text));
          continue;
        }
        item.drawSample(x, rowTop + ROW_HEIGHT / 2, out);
        out.push(
          textElement(x + item.sampleWidth + SAMPLE_GAP, baseline, item.label, LABEL, COLORS.text),
        );
      }
      out.push("</g>");
    },
  };
}
