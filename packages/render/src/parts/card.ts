import type { Position, Role } from "@rolemap/contract";
import { isVacant } from "@rolemap/domain";
import { num } from "../svg/number";
import type { SvgOutput } from "../svg/output";
import { textElement } from "../svg/text";
import { baselineOffset, type TextStyle, textWidth } from "../text/measure";
import { ellipsize, wrapText } from "../text/wrap";
import { cleanText, escapeAttribute } from "../text/xml-text";
import { CARD, COLORS, DEF_IDS } from "../theme";
import { type BadgeData, badgeWidth, drawBadge } from "./badge";

/**
 * A role card as the editor draws it (RoleNode.module.css): white, slate border with a dark
 * blue top edge; the title in bold on up to two lines, then the holder (or an amber
 * "VACANT" label on a striped, dashed card), and the department at the bottom. Text that
 * does not fit ends in an ellipsis. Drawn in the card's own coordinates inside a group
 * translated to its place, so every card is the same few short elements.
 */

const W = CARD.width;
const H = CARD.height;
const LEFT = CARD.border + CARD.paddingX;
const CONTENT_WIDTH = W - 2 * LEFT;
const TOP = CARD.topBorder + CARD.paddingY;
const BOTTOM = H - CARD.border - CARD.paddingY;

const TITLE: TextStyle = { size: 17, weight: 700 };
const TITLE_LINE = 21.25;
const HOLDER: TextStyle = { size: 16, weight: 400 };
const HOLDER_LINE = 24;
const DEPARTMENT: TextStyle = { size: 14, weight: 400 };
const DEPARTMENT_LINE = 21;
const VACANT: TextStyle = { size: 14, weight: 700 };
const VACANT_LINE = 21;
const VACANT_PADDING = 8;
const VACANT_TEXT = "VACANT";

/**
 * The badge sits in the top-right corner, over the padding, as high as it can while clear
 * of the top edge: then only the first title line has to stop short of it.
 */
const BADGE_TOP = CARD.topBorder + 5;
const BADGE_RIGHT = W - CARD.border - 8;
const BADGE_CLEARANCE = 6;

/** The outline of the card's top edge (rounded corners, 8 deep; the white face covers the rest). */
const TOP_EDGE = `M0 ${CARD.radius}A${CARD.radius} ${CARD.radius} 0 0 1 ${CARD.radius} 0H${W - CARD.radius}A${CARD.radius} ${CARD.radius} 0 0 1 ${W} ${CARD.radius}Z`;

export function drawCard(
  role: Role,
  at: Position,
  badge: BadgeData | undefined,
  out: SvgOutput,
): void {
  const vacant = isVacant(role);
  out.push(
    `<g data-role-id="${escapeAttribute(role.id)}"${vacant ? ' data-vacant="true"' : ""} transform="translate(${num(at.x)} ${num(at.y)})">`,
    `<rect y="2" width="${W}" height="${H}" rx="${CARD.radius}" fill="${COLORS.shadow}" fill-opacity="0.07"/>`,
  );
  if (vacant) drawVacantFace(out);
  else
    out.push(
      `<rect width="${W}" height="${H}" rx="${CARD.radius}" fill="${COLORS.border}"/>`,
      `<path d="${TOP_EDGE}" fill="${COLORS.cardTop}"/>`,
      `<rect x="${CARD.border}" y="${CARD.topBorder}" width="${W - 2 * CARD.border}" height="${H - CARD.topBorder - CARD.border}" rx="${CARD.radius - CARD.border}" fill="${COLORS.surface}"/>`,
    );

  const firstLineWidth =
    badge === undefined ? CONTENT_WIDTH : BADGE_RIGHT - badgeWidth(badge) - BADGE_CLEARANCE - LEFT;
  const titleLines = wrapText(cleanText(role.title), TITLE, [firstLineWidth, CONTENT_WIDTH], 2);
  let y = TOP;
  for (const line of titleLines) {
    out.push(
      textElement(LEFT, y + baselineOffset(TITLE.size, TITLE_LINE), line, TITLE, COLORS.text),
    );
    y += TITLE_LINE;
  }
  y += CARD.gap;

  if (vacant) drawVacantLabel(y, out);
  else {
    const holder = ellipsize(cleanText(role.holder ?? ""), HOLDER, CONTENT_WIDTH);
    out.push(
      textElement(LEFT, y + baselineOffset(HOLDER.size, HOLDER_LINE), holder, HOLDER, COLORS.text),
    );
  }

  const department = cleanText(role.department ?? "");
  if (department !== "") {
    const top = BOTTOM - DEPARTMENT_LINE;
    out.push(
      textElement(
        LEFT,
        top + baselineOffset(DEPARTMENT.size, DEPARTMENT_LINE),
        ellipsize(department, DEPARTMENT, CONTENT_WIDTH),
        DEPARTMENT,
        COLORS.textMuted,
      ),
    );
  }

  if (badge !== undefined) drawBadge(BADGE_RIGHT, BADGE_TOP, badge, out);
  out.push("</g>");
}

/** Amber stripes, a dashed brown border and a thick dashed top edge: vacant from afar. */
function drawVacantFace(out: SvgOutput): void {
  const inset = CARD.border / 2;
  const topInset = CARD.topBorder / 2;
  out.push(
    `<rect x="${inset}" y="${inset}" width="${W - CARD.border}" height="${H - CARD.border}" rx="${CARD.radius - inset}" fill="url(#${DEF_IDS.vacantPattern})" stroke="${COLORS.vacantBorder}" stroke-width="${CARD.border}" stroke-dasharray="6 4"/>`,
    `<path d="M${CARD.radius} ${topInset}H${W - CARD.radius}" stroke="${COLORS.vacantBorder}" stroke-width="${CARD.topBorder}" stroke-dasharray="12 6"/>`,
  );
}

function drawVacantLabel(top: number, out: SvgOutput): void {
  const width = textWidth(VACANT_TEXT, VACANT) + 2 * VACANT_PADDING + 2;
  const height = VACANT_LINE + 2;
  out.push(
    `<rect x="${LEFT + 0.5}" y="${num(top + 0.5)}" width="${num(width - 1)}" height="${height - 1}" rx="5" fill="${COLORS.vacantLabelFill}" stroke="${COLORS.vacantBorder}" stroke-width="1" stroke-dasharray="3 2"/>`,
    textElement(
      LEFT + 1 + VACANT_PADDING,
      top + 1 + baselineOffset(VACANT.size, VACANT_LINE),
      VACANT_TEXT,
      VACANT,
      COLORS.vacantLabelText,
    ),
  );
}

/** The stripes of vacant cards (and the legend's sample), defined once per SVG. */
export function vacantPatternDef(): string {
  return `<pattern id="${DEF_IDS.vacantPattern}" patternUnits="userSpaceOnUse" width="20" height="20" patternTransform="rotate(45)"><rect width="10" height="20" fill="${COLORS.vacantStripeLight}"/><rect x="10" width="10" height="20" fill="${COLORS.vacantStripeDark}"/></pattern>`;
}
