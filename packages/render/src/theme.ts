import type { Severity } from "@rolemap/contract";
import { EDITOR_LAYOUT_OPTIONS } from "@rolemap/domain";

/**
 * The look of a rendered chart, taken from the editor's stylesheets (RoleNode.module.css,
 * LineEdge.module.css, global.css) so an export looks like the canvas. Sizes are SVG user
 * units, which are CSS pixels.
 */

/** Cards: the editor's size, border and padding. */
export const CARD = {
  width: EDITOR_LAYOUT_OPTIONS.nodeWidth,
  height: EDITOR_LAYOUT_OPTIONS.nodeHeight,
  radius: 8,
  border: 2,
  topBorder: 6,
  paddingX: 14,
  paddingY: 10,
  /** Space between the title, the holder and the department. */
  gap: 2,
} as const;

export const COLORS = {
  background: "#ffffff",
  text: "#111827",
  textMuted: "#374151",
  border: "#475569",
  borderSubtle: "#d1d5db",
  cardTop: "#1e3a8a",
  surface: "#ffffff",
  shadow: "#000000",
  solidLine: "#334155",
  dottedLine: "#7c3aed",
  vacantBorder: "#92400e",
  vacantStripeLight: "#fffbeb",
  vacantStripeDark: "#fef3c7",
  vacantLabelText: "#78350f",
  vacantLabelFill: "#fde68a",
  rowRule: "#e5e7eb",
} as const;

export const SEVERITY_COLORS: Record<Severity, { text: string; fill: string }> = {
  error: { text: "#991b1b", fill: "#fee2e2" },
  warning: { text: "#854d0e", fill: "#fef3c7" },
  info: { text: "#1e3a8a", fill: "#dbeafe" },
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: "Error",
  warning: "Warning",
  info: "Info",
};

/** The glyph in a findings badge: "!" when an error is among them, "i" otherwise. */
export const SEVERITY_ICONS: Record<Severity, string> = { error: "!", warning: "i", info: "i" };

export const LINES = {
  solidWidth: 2.5,
  dottedWidth: 4,
  /** Round caps on near-zero dashes: a row of dots. */
  dottedDash: "0.1 9",
  cornerRadius: 10,
  /** How far a line leaves a card before turning when it has to go around. */
  offset: 20,
  /**
   * Control distance of a dotted line between two cards of one row: it dips 3/4 of this
   * (15) below the row, so with its dots it stays inside the 20 between stacked cards and
   * clear of the solid lines' bends half-way down the 80 between rows.
   */
  dottedDip: 20,
} as const;

/** Space around everything, and between the heading, legend, chart and appendix. */
export const PAGE = {
  margin: 40,
  sectionGap: 32,
  /** Narrowest content: room for the heading and legend beside a one-card chart. */
  minContentWidth: 640,
  /** Narrowest and widest findings appendix (readable line lengths on any chart). */
  minAppendixWidth: 880,
  maxAppendixWidth: 1200,
} as const;

/** Ids of the shared definitions; fixed so output is deterministic. */
export const DEF_IDS = { vacantPattern: "rolemap-vacant-stripes" } as const;
