import type { Severity } from "@rolemap/contract";
import { num } from "../svg/number";
import type { SvgOutput } from "../svg/output";
import { textElement } from "../svg/text";
import { baselineOffset, type TextStyle, textWidth } from "../text/measure";
import { SEVERITY_COLORS, SEVERITY_ICONS } from "../theme";

/** The findings badge of a card: the editor's pill with "!" or "i" and the count. */
export interface BadgeData {
  count: number;
  /** The most severe finding among them: it sets the colour and the icon. */
  worst: Severity;
}

const STYLE: TextStyle = { size: 14, weight: 700 };
const LINE_HEIGHT = 21;
export const BADGE_HEIGHT = 25.6;
const MIN_WIDTH = 30.4;
const PADDING_X = 7.2;

const labelOf = ({ count, worst }: BadgeData) => `${SEVERITY_ICONS[worst]} ${count}`;

export function badgeWidth(badge: BadgeData): number {
  return Math.max(MIN_WIDTH, 2 * PADDING_X + 2 + textWidth(labelOf(badge), STYLE));
}

/**
 * Draws the badge with its top-right corner at (right, top). A card's badge is tagged with
 * `data-badge` (its count); the legend's sample is not.
 */
export function drawBadge(
  right: number,
  top: number,
  badge: BadgeData,
  out: SvgOutput,
  tagged = true,
): void {
  const width = badgeWidth(badge);
  const { text, fill } = SEVERITY_COLORS[badge.worst];
  const baseline = top + (BADGE_HEIGHT - LINE_HEIGHT) / 2 + baselineOffset(STYLE.size, LINE_HEIGHT);
  out.push(
    tagged ? `<g data-badge="${badge.count}" data-severity="${badge.worst}">` : "<g>",
    `<rect x="${num(right - width + 0.5)}" y="${num(top + 0.5)}" width="${num(width - 1)}" height="${num(BADGE_HEIGHT - 1)}" rx="${num((BADGE_HEIGHT - 1) / 2)}" fill="${fill}" stroke="${text}" stroke-width="1"/>`,
    textElement(right - width / 2, baseline, labelOf(badge), STYLE, text, "middle"),
    "</g>",
  );
}
