import { EDITOR_LAYOUT_OPTIONS } from "@rolemap/domain";

/**
 * Sizes of the canvas, shared by the cards (CSS), the mapping to React Flow (every node
 * carries its size, so React Flow never has to measure 1,000 cards) and the layout, whose
 * editor options (card size, gaps, stacked reports) live with the layout maths in
 * @rolemap/domain so that anything storing positions uses the same grid.
 */
export const LAYOUT = EDITOR_LAYOUT_OPTIONS;
export const CARD_WIDTH = LAYOUT.nodeWidth;
export const CARD_HEIGHT = LAYOUT.nodeHeight;
/** Connection handles: circles centred on the top and bottom borders. */
export const HANDLE_SIZE = 14;

/** Distance between the tops of two levels, and between the left edges of two neighbours. */
export const ROW = CARD_HEIGHT + LAYOUT.verticalGap;
export const COLUMN = CARD_WIDTH + LAYOUT.horizontalGap;

/** Below this zoom the cards show their title only (cheaper to draw, still readable). */
export const COMPACT_ZOOM = 0.45;

/**
 * A report whose left edge is just right of its manager's centre line, below it, is in a
 * stack (see the layout's `stackLeaves`): its solid line runs down that line and into the
 * card's side instead of its top.
 */
export function isStackedUnder(
  manager: { x: number; y: number },
  report: { x: number; y: number },
) {
  const spine = manager.x + CARD_WIDTH / 2;
  return (
    report.y > manager.y + CARD_HEIGHT &&
    // From the indent on: a sibling centred next to its manager starts only
    // horizontalGap / 2 right of the spine, and comes in from the top.
    report.x >= spine + LAYOUT.stackIndent - 1 &&
    report.x <= spine + LAYOUT.stackIndent + STACK_TOLERANCE
  );
}

/** How far a stacked card may be nudged to the right and still count as stacked. */
const STACK_TOLERANCE = 24;

/** Room for the toolbar above the chart and the controls and minimap below it. */
export const FIT_VIEW_OPTIONS = {
  maxZoom: 1,
  padding: { top: "80px", bottom: "48px", left: "48px", right: "48px" },
} as const;
