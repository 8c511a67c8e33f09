import type { ChartDocument, Position, ReportingLine, Role } from "@rolemap/contract";
import type { LayoutForest } from "@rolemap/domain";
import { stackedManagers } from "@rolemap/domain";
import { Bounds } from "../geometry/bounds";
import { CardGrid } from "../geometry/card-grid";
import { type Connector, solidConnector } from "../geometry/connectors";
import { dottedConnector } from "../geometry/dotted-routes";
import { num } from "../svg/number";
import type { SvgOutput } from "../svg/output";
import { textElement } from "../svg/text";
import { baselineOffset, type TextStyle } from "../text/measure";
import { escapeAttribute } from "../text/xml-text";
import { CARD, COLORS, LINES } from "../theme";
import type { RenderedBox } from "../types";
import type { BadgeData } from "./badge";
import type { Block } from "./block";
import { drawCard } from "./card";

/**
 * The org chart itself: solid lines, then the cards over them, then the dotted lines over
 * the cards (a functional line may cross the chart and must never be hidden), as in the
 * editor; dotted lines are routed over as few cards as they can (dotted-routes.ts). Drawn
 * in layout coordinates inside one translated group; the block's size is the bounding box
 * of every card and every line with its stroke.
 */
export interface ChartPart extends Block {
  /** Where each card lands when the block is drawn at (x, y), in document order. */
  boxesAt(x: number, y: number): RenderedBox[];
}

interface DrawnLine {
  key: string;
  kind: "solid" | "dotted";
  connector: Connector;
  /** Extra attributes from the marks: how a new, removed or changed line looks. */
  extra: string;
}

/**
 * What a comparison adds to the drawing (compare/): marks around cards and lines. Without
 * marks the chart is drawn exactly as the editor shows it.
 */
export interface ChartMarks {
  /** How far a card's marks (outline, labels) reach beyond its edges, for the block's size. */
  reach: number;
  /** Attributes added to a line's path (a stroke, a dash, `data-change`), or "". */
  lineAttributes(line: ReportingLine): string;
  /** Draws a card and its marks; `drawPlain` draws the card as the editor does. */
  drawCard(role: Role, at: Position, drawPlain: () => void, out: SvgOutput): void;
}

/** A card's drop shadow reaches this far below it. */
const SHADOW = 2;

export function chartPart(
  document: ChartDocument,
  forest: LayoutForest,
  positions: ReadonlyMap<string, Position>,
  badges: ReadonlyMap<string, BadgeData>,
  marks?: ChartMarks,
): ChartPart {
  if (document.roles.length === 0) return emptyChart();

  const bounds = new Bounds();
  const origin = { x: 0, y: 0 };
  const reach = marks?.reach ?? 0;
  for (const role of document.roles) {
    const at = positions.get(role.id) ?? origin;
    bounds.addRect(
      at.x - reach,
      at.y - reach,
      CARD.width + 2 * reach,
      CARD.height + SHADOW + 2 * reach,
    );
  }
  const stacks = stackedManagers(forest, positions);
  // Built only when there are dotted lines to route around the cards.
  let grid: CardGrid | undefined;
  const solid: DrawnLine[] = [];
  const dotted: DrawnLine[] = [];
  for (const line of document.reportingLines) {
    const from = positions.get(line.manager);
    const to = positions.get(line.report);
    if (from === undefined || to === undefined || line.manager === line.report) continue;
    const key = `${line.manager}>${line.report}`;
    const extra = marks?.lineAttributes(line) ?? "";
    if (line.kind === "solid") {
      const connector = solidConnector(from, to, stacks.has(line.manager));
      solid.push({ key, kind: "solid", connector, extra });
      addStroked(bounds, connector.bounds, LINES.solidWidth / 2);
    } else {
      grid ??= new CardGrid(document.roles.map((role) => positions.get(role.id) ?? origin));
      const connector = dottedConnector(from, to, grid);
      dotted.push({ key, kind: "dotted", connector, extra });
      addStroked(bounds, connector.bounds, LINES.dottedWidth / 2);
    }
  }

  // Whole units, so cards at whole positions stay on the pixel grid.
  const left = Math.floor(bounds.left);
  const top = Math.floor(bounds.top);
  return {
    width: Math.ceil(bounds.right) - left,
    height: Math.ceil(bounds.bottom) - top,
    draw(x, y, out) {
      out.push(`<g data-part="chart" transform="translate(${num(x - left)} ${num(y - top)})">`);
      out.push(
        `<g data-part="solid-lines" fill="none" stroke="${COLORS.solidLine}" stroke-width="${LINES.solidWidth}" stroke-linecap="round" stroke-linejoin="round">`,
      );
      for (const line of solid) drawLine(line, out);
      out.push("</g>", '<g data-part="cards">');
      for (const role of document.roles) {
        const at = positions.get(role.id) ?? origin;
        const badge = badges.get(role.id);
        if (marks === undefined) drawCard(role, at, badge, out);
        else marks.drawCard(role, at, () => drawCard(role, at, badge, out), out);
      }
      out.push(
        "</g>",
        `<g data-part="dotted-lines" fill="none" stroke="${COLORS.dottedLine}" stroke-width="${LINES.dottedWidth}" stroke-linecap="round" stroke-dasharray="${LINES.dottedDash}">`,
      );
      for (const line of dotted) drawLine(line, out);
      out.push("</g>", "</g>");
    },
    boxesAt(x, y) {
      return document.roles.map((role) => {
        const at = positions.get(role.id) ?? origin;
        return {
          id: role.id,
          x: x - left + at.x,
          y: y - top + at.y,
          width: CARD.width,
          height: CARD.height,
        };
      });
    },
  };
}

function addStroked(bounds: Bounds, path: Bounds, halfWidth: number): void {
  bounds.addPoint(path.left, path.top, halfWidth);
  bounds.addPoint(path.right, path.bottom, halfWidth);
}

function drawLine({ key, kind, connector, extra }: DrawnLine, out: SvgOutput): void {
  out.push(
    `<path data-line="${escapeAttribute(key)}" data-kind="${kind}"${extra} d="${connector.d}"/>`,
  );
}

const EMPTY_TEXT: TextStyle = { size: 17, weight: 400 };
const EMPTY_WIDTH = 480;

/** A chart without roles: a dashed frame saying so, where the chart would be. */
function emptyChart(): ChartPart {
  return {
    width: EMPTY_WIDTH,
    height: CARD.height,
    draw(x, y, out) {
      out.push(
        '<g data-part="chart">',
        `<rect x="${num(x + 1)}" y="${num(y + 1)}" width="${EMPTY_WIDTH - 2}" height="${CARD.height - 2}" rx="${CARD.radius}" fill="none" stroke="${COLORS.borderSubtle}" stroke-width="2" stroke-dasharray="8 6"/>`,
        textElement(
          x + EMPTY_WIDTH / 2,
          y + baselineOffset(EMPTY_TEXT.size, CARD.height),
          "This chart has no roles yet.",
          EMPTY_TEXT,
          COLORS.textMuted,
          "middle",
        ),
        "</g>",
      );
    },
    boxesAt: () => [],
  };
}
