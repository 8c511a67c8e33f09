import type { ReportingLine } from "@rolemap/contract";
import type { ChartMarks } from "../parts/chart";
import type { LegendItem } from "../parts/legend";
import { num } from "../svg/number";
import type { SvgOutput } from "../svg/output";
import { textElement } from "../svg/text";
import { baselineOffset, type TextStyle, textWidth } from "../text/measure";
import { CARD } from "../theme";
import type { ChangeMark } from "./describe-changes";

/**
 * How a comparison marks the chart. Every mark is carried three ways, so it survives a
 * black-and-white print and colour blindness: a label on the card ("+ ADDED", "↳ MOVED",
 * "Δ CHANGED", "− REMOVED"), an outline with its own dash pattern, and a colour. Lines:
 * a new line is thicker, a removed one dashed.
 */

export interface MarkStyle {
  /** The label on a card. */
  tag: string;
  /** The chip in the list of changes. */
  chip: string;
  /** Dark: outlines, labels, line strokes. */
  ink: string;
  /** Light: chips' fill. */
  fill: string;
  /** The outline's dash pattern ("" solid). */
  dash: string;
}

export const MARK_STYLES: Record<ChangeMark, MarkStyle> = {
  added: { tag: "+ ADDED", chip: "+ Added", ink: "#15803d", fill: "#dcfce7", dash: "" },
  moved: { tag: "↳ MOVED", chip: "↳ Moved", ink: "#b45309", fill: "#fef3c7", dash: "12 5" },
  changed: { tag: "Δ CHANGED", chip: "Δ Changed", ink: "#1d4ed8", fill: "#dbeafe", dash: "3 4" },
  removed: { tag: "− REMOVED", chip: "− Removed", ink: "#b91c1c", fill: "#fee2e2", dash: "8 5" },
};

/** What the scenario does to a finding: the chips of the findings delta. */
export const DELTA_STYLES: Record<"fixed" | "new", { label: string; ink: string; fill: string }> = {
  fixed: { label: "✓ Fixed", ink: MARK_STYLES.added.ink, fill: MARK_STYLES.added.fill },
  new: { label: "✗ New", ink: MARK_STYLES.removed.ink, fill: MARK_STYLES.removed.fill },
};

/** Which mark draws a card's outline when it has several. */
const OUTLINE_ORDER: readonly ChangeMark[] = ["removed", "added", "moved", "changed"];

const TAG: TextStyle = { size: 12, weight: 700 };
const TAG_HEIGHT = 20;
const TAG_PADDING = 7;
const TAG_GAP = 6;
/** Labels straddle the card's top edge, clear of the title below it. */
const TAG_TOP = -TAG_HEIGHT / 2;
const TAG_INSET = 10;
const OUTLINE_OFFSET = 5;
const OUTLINE_WIDTH = 3;
/** How far the marks reach beyond a card (the labels above it). */
export const MARK_REACH = TAG_HEIGHT / 2 + 1;

const REMOVED_LINE = { width: 2.5, dash: "8 6" };
const NEW_LINE_WIDTH = { solid: 4.5, dotted: 5.5 } as const;

export const tagWidth = (mark: ChangeMark) =>
  textWidth(MARK_STYLES[mark].tag, TAG) + 2 * TAG_PADDING;

/** A card's label as a dark pill with white text, its top-left corner at (x, y). */
export function drawTag(x: number, y: number, mark: ChangeMark, out: SvgOutput): void {
  const { tag, ink } = MARK_STYLES[mark];
  const width = tagWidth(mark);
  out.push(
    `<g data-tag="${mark}">`,
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${TAG_HEIGHT}" rx="${TAG_HEIGHT / 2}" fill="${ink}" stroke="#ffffff" stroke-width="1.5"/>`,
    textElement(
      x + width / 2,
      y + baselineOffset(TAG.size, TAG_HEIGHT),
      tag,
      TAG,
      "#ffffff",
      "middle",
    ),
    "</g>",
  );
}

export type LineChange = "added" | "removed" | "changed";

/**
 * The marks for the chart part: `roles` says what happened to each marked role (the ghosts
 * of removed roles included), `lines` what happened to each line by "manager>report".
 * Structural marks (added, moved, removed) are labelled at the card's top left, a change of
 * fields at its top right, so the solid line into the top centre stays visible.
 */
export function comparisonMarks(
  roles: ReadonlyMap<string, readonly ChangeMark[]>,
  lines: ReadonlyMap<string, LineChange>,
): ChartMarks {
  return {
    reach: MARK_REACH,
    lineAttributes(line: ReportingLine) {
      const change = lines.get(`${line.manager}>${line.report}`);
      if (change === undefined) return "";
      if (change === "removed")
        return ` data-change="removed" stroke="${MARK_STYLES.removed.ink}" stroke-width="${REMOVED_LINE.width}" stroke-dasharray="${REMOVED_LINE.dash}" stroke-linecap="butt"`;
      // A line of another kind is a new line of that kind.
      return ` data-change="${change}" stroke="${MARK_STYLES.added.ink}" stroke-width="${NEW_LINE_WIDTH[line.kind]}"`;
    },
    drawCard(role, at, drawPlain, out) {
      const marks = roles.get(role.id);
      if (marks === undefined || marks.length === 0) {
        drawPlain();
        return;
      }
      const outline = OUTLINE_ORDER.find((mark) => marks.includes(mark)) ?? "changed";
      out.push(`<g data-change="${marks.join(" ")}">`);
      if (outline !== "removed") drawOutline(at, MARK_STYLES[outline], out);
      drawPlain();
      if (outline === "removed") drawGhostFace(at, out);
      let left = at.x + TAG_INSET;
      for (const mark of marks)
        if (mark !== "changed") {
          drawTag(left, at.y + TAG_TOP, mark, out);
          left += tagWidth(mark) + TAG_GAP;
        }
      if (marks.includes("changed"))
        drawTag(
          at.x + CARD.width - TAG_INSET - tagWidth("changed"),
          at.y + TAG_TOP,
          "changed",
          out,
        );
      out.push("</g>");
    },
  };
}

function drawOutline(at: { x: number; y: number }, style: MarkStyle, out: SvgOutput): void {
  const dash = style.dash === "" ? "" : ` stroke-dasharray="${style.dash}"`;
  out.push(
    `<rect x="${num(at.x - OUTLINE_OFFSET)}" y="${num(at.y - OUTLINE_OFFSET)}" width="${CARD.width + 2 * OUTLINE_OFFSET}" height="${CARD.height + 2 * OUTLINE_OFFSET}" rx="${CARD.radius + OUTLINE_OFFSET}" fill="none" stroke="${style.ink}" stroke-width="${OUTLINE_WIDTH}"${dash}/>`,
  );
}

/** A removed role: its card faded behind white, with a dashed red border over its own. */
function drawGhostFace(at: { x: number; y: number }, out: SvgOutput): void {
  const { ink, dash } = MARK_STYLES.removed;
  out.push(
    `<rect x="${num(at.x)}" y="${num(at.y)}" width="${CARD.width}" height="${CARD.height}" rx="${CARD.radius}" fill="#ffffff" fill-opacity="0.55"/>`,
    `<rect x="${num(at.x + 1.5)}" y="${num(at.y + 1.5)}" width="${CARD.width - 3}" height="${CARD.height - 3}" rx="${CARD.radius - 1}" fill="none" stroke="${ink}" stroke-width="3" stroke-dasharray="${dash}"/>`,
  );
}

const SAMPLE_LINE = 40;

const tagItem = (mark: ChangeMark, label: string): LegendItem => ({
  label,
  sampleWidth: tagWidth(mark),
  drawSample: (x, middle, out) => drawTag(x, middle - TAG_HEIGHT / 2, mark, out),
});

const lineItem = (label: string, attributes: string): LegendItem => ({
  label,
  sampleWidth: SAMPLE_LINE,
  drawSample: (x, middle, out) =>
    out.push(
      `<path d="M${num(x + 2)} ${num(middle)}H${num(x + SAMPLE_LINE - 2)}" fill="none" ${attributes}/>`,
    ),
});

/** The comparison's marks, for the legend before the chart's own. */
export const COMPARISON_LEGEND_ITEMS: readonly LegendItem[] = [
  tagItem("added", "new role (solid green outline)"),
  tagItem("moved", "new manager (dashed amber outline)"),
  tagItem("changed", "title, holder, department or notes (dotted blue outline)"),
  tagItem("removed", "gone in the scenario (faded, dashed red border)"),
  lineItem(
    "New line, or new kind of line (thicker, green)",
    `stroke="${MARK_STYLES.added.ink}" stroke-width="${NEW_LINE_WIDTH.solid}" stroke-linecap="round"`,
  ),
  lineItem(
    "Removed line (dashed, red)",
    `stroke="${MARK_STYLES.removed.ink}" stroke-width="${REMOVED_LINE.width}" stroke-dasharray="${REMOVED_LINE.dash}"`,
  ),
];
