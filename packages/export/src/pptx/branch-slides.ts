import type { ChartDocument, Position, ReportingLine, Role } from "@rolemap/contract";
import {
  buildLayoutForest,
  EDITOR_LAYOUT_OPTIONS,
  isStackedUnder,
  isVacant,
  type LayoutForest,
  placeRoles,
} from "@rolemap/domain";
import { cleanText } from "@rolemap/render";
import type PptxGenJS from "pptxgenjs";
import type { Branch } from "./branch-plan";
import { CHART_FRAME, DECK_FONT } from "./slide-layout";
import { addSlideTitle } from "./slide-title";

/** The editor's card and gaps (chart units), and @rolemap/render's colours. */
const CARD_W = EDITOR_LAYOUT_OPTIONS.nodeWidth;
const CARD_H = EDITOR_LAYOUT_OPTIONS.nodeHeight;
const V_GAP = EDITOR_LAYOUT_OPTIONS.verticalGap;
const INK = "111827";
const MUTED = "374151";
const BORDER = "475569";
const SOLID_LINE = "334155";
const DOTTED_LINE = "7C3AED";
const VACANT = { fill: "FFFBEB", border: "92400E", label: "78350F" };
/** Inches per chart unit at most: a card no wider than 2.2 in on a slide with few cards. */
const MAX_SCALE = 2.2 / CARD_W;

/**
 * A branch of the chart as native PowerPoint shapes: cards (rounded rectangles holding the
 * title, holder or VACANT, and department) and their reporting lines, laid out as the
 * editor lays out that part of the tree. Shapes, not a picture: a deck of tens of branch
 * slides stays small and quick to write, and people can edit, search and zoom them.
 */
export function addBranchSlide(
  deck: PptxGenJS,
  document: ChartDocument,
  branch: Branch,
  title: string,
): void {
  const slide = deck.addSlide();
  addSlideTitle(slide, title);
  const roles = branch.roles.map((index) => document.roles[index] as Role);
  const shown = new Set(roles.map((role) => role.id));
  const lines = document.reportingLines.filter(
    (line) => shown.has(line.manager) && shown.has(line.report),
  );
  // Without their editor positions: this part of the tree is laid out on its own.
  const sub = { roles: roles.map(({ position: _, ...role }) => role), reportingLines: lines };
  const forest = buildLayoutForest(sub);
  const place = fitToFrame(placeRoles(sub, forest));
  drawTreeLines(deck, slide, forest, place);
  for (const line of lines)
    if (!isTreeEdge(forest, line)) drawStraightLine(deck, slide, line, place);
  for (const role of roles) drawCard(slide, role, place);
}

/** Where a card goes on the slide, in inches, and the scale (inches per chart unit). */
interface Placement {
  scale: number;
  at(id: string): Position;
  chart: ReadonlyMap<string, Position>;
}

function fitToFrame(positions: ReadonlyMap<string, Position>): Placement {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const { x, y } of positions.values()) {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + CARD_W);
    bottom = Math.max(bottom, y + CARD_H);
  }
  const width = Math.max(1, right - left);
  const height = Math.max(1, bottom - top);
  const scale = Math.min(CHART_FRAME.width / width, CHART_FRAME.height / height, MAX_SCALE);
  const x0 = CHART_FRAME.x + (CHART_FRAME.width - width * scale) / 2;
  const y0 = CHART_FRAME.y;
  return {
    scale,
    chart: positions,
    at(id) {
      const p = positions.get(id) ?? { x: left, y: top };
      return { x: x0 + (p.x - left) * scale, y: y0 + (p.y - top) * scale };
    },
  };
}

function drawCard(slide: PptxGenJS.Slide, role: Role, place: Placement): void {
  const { x, y } = place.at(role.id);
  const w = CARD_W * place.scale;
  const h = CARD_H * place.scale;
  // Type in proportion to the card: 17/16/14 px on the editor's 124 px card.
  const size = (px: number) => Math.max(4, Math.round(((px * h) / CARD_H) * 72 * 10) / 10);
  const vacant = isVacant(role);
  const department = cleanText(role.department ?? "");
  const runs: PptxGenJS.TextProps[] = [
    { text: cleanText(role.title), options: { bold: true, fontSize: size(17), breakLine: true } },
    vacant
      ? {
          text: "VACANT",
          options: {
            bold: true,
            fontSize: size(14),
            color: VACANT.label,
            breakLine: department !== "",
          },
        }
      : {
          text: cleanText(role.holder ?? ""),
          options: { fontSize: size(16), breakLine: department !== "" },
        },
  ];
  if (department !== "")
    runs.push({ text: department, options: { fontSize: size(14), color: MUTED } });
  slide.addText(runs, {
    shape: "roundRect",
    rectRadius: 0.08 * Math.min(1, h / 0.6),
    x,
    y,
    w,
    h,
    fill: { color: vacant ? VACANT.fill : "FFFFFF" },
    line: {
      color: vacant ? VACANT.border : BORDER,
      width: 0.75,
      dashType: vacant ? "dash" : "solid",
    },
    fontFace: DECK_FONT,
    color: INK,
    valign: "top",
    align: "left",
    margin: Math.max(1, h * 72 * 0.08),
    fit: "shrink",
  });
}

const isTreeEdge = (forest: LayoutForest, line: ReportingLine) =>
  line.kind === "solid" &&
  forest.parent[forest.indexOf.get(line.report) ?? -1] === forest.indexOf.get(line.manager);

type Segment = { x1: number; y1: number; x2: number; y2: number };

/** Org-chart lines: down from a manager to a bus, across, down to each report; stacks down a spine. */
function drawTreeLines(
  deck: PptxGenJS,
  slide: PptxGenJS.Slide,
  forest: LayoutForest,
  place: Placement,
): void {
  const s = place.scale;
  for (let m = 0; m < forest.ids.length; m++) {
    const children = forest.children[m] ?? [];
    if (children.length === 0) continue;
    const managerId = forest.ids[m] as string;
    const manager = place.at(managerId);
    const managerChart = place.chart.get(managerId) as Position;
    const spine = manager.x + (CARD_W * s) / 2;
    const bottom = manager.y + CARD_H * s;
    const stacked = children.filter((c) =>
      isStackedUnder(managerChart, place.chart.get(forest.ids[c] as string) as Position),
    );
    const segments: Segment[] = [];
    if (stacked.length > 0) {
      const mids = stacked.map((c) => place.at(forest.ids[c] as string));
      const lowest = Math.max(...mids.map((p) => p.y + (CARD_H * s) / 2));
      segments.push({ x1: spine, y1: bottom, x2: spine, y2: lowest });
      for (const p of mids)
        segments.push({
          x1: spine,
          y1: p.y + (CARD_H * s) / 2,
          x2: p.x,
          y2: p.y + (CARD_H * s) / 2,
        });
    }
    const below = children
      .filter((c) => !stacked.includes(c))
      .map((c) => place.at(forest.ids[c] as string));
    if (below.length > 0) {
      const bus = bottom + (V_GAP * s) / 2;
      const centres = below.map((p) => p.x + (CARD_W * s) / 2);
      segments.push({ x1: spine, y1: bottom, x2: spine, y2: bus });
      segments.push({
        x1: Math.min(spine, ...centres),
        y1: bus,
        x2: Math.max(spine, ...centres),
        y2: bus,
      });
      for (const [i, p] of below.entries())
        segments.push({ x1: centres[i] as number, y1: bus, x2: centres[i] as number, y2: p.y });
    }
    for (const segment of segments) addLine(deck, slide, segment, SOLID_LINE, "solid");
  }
}

/** A dotted line (or a second solid manager): straight, bottom centre to top centre. */
function drawStraightLine(
  deck: PptxGenJS,
  slide: PptxGenJS.Slide,
  line: ReportingLine,
  place: Placement,
): void {
  const half = (CARD_W * place.scale) / 2;
  const from = place.at(line.manager);
  const to = place.at(line.report);
  const dotted = line.kind === "dotted";
  addLine(
    deck,
    slide,
    { x1: from.x + half, y1: from.y + CARD_H * place.scale, x2: to.x + half, y2: to.y },
    dotted ? DOTTED_LINE : SOLID_LINE,
    dotted ? "sysDot" : "solid",
  );
}

function addLine(
  deck: PptxGenJS,
  slide: PptxGenJS.Slide,
  { x1, y1, x2, y2 }: Segment,
  color: string,
  dashType: "solid" | "sysDot",
): void {
  slide.addShape(deck.ShapeType.line, {
    x: Math.min(x1, x2),
    y: Math.min(y1, y2),
    w: Math.abs(x2 - x1),
    h: Math.abs(y2 - y1),
    flipH: x2 < x1 !== y2 < y1 && x1 !== x2 && y1 !== y2,
    line: { color, width: 1, dashType },
  });
}
