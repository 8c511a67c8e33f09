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

/** As far out as the canvas zooms: a 2,000-role chart still fits a projector's view. */
export const MIN_ZOOM = 0.05;

/** Below this zoom the cards show their title only (cheaper to draw, still readable). */
export const COMPACT_ZOOM = 0.45;

/** React Flow's store → whether the view is zoomed out to compact cards (the overview). */
export const selectIsCompact = (s: { transform: [number, number, number] }) =>
  s.transform[2] < COMPACT_ZOOM;

/** Room for the toolbar above the chart and the controls and minimap below it. */
export const FIT_VIEW_OPTIONS = {
  maxZoom: 1,
  padding: { top: "80px", bottom: "48px", left: "48px", right: "48px" },
} as const;
