import type { RaciCode } from "@rolemap/contract";
import { CODE_ORDER, formatRaciCell } from "@rolemap/interchange";

/**
 * How each code looks and reads in the exported matrix. Names and hints are
 * the editor's (apps/web/src/matrix/codes.ts); `text` is the editor's letter colour
 * (ResponsibilityMatrix.module.css, .codeA … .codeI) and `fill` a light tint of the same
 * hue (Tailwind's 100 step of that colour family), so a printed or projected cell is
 * recognisable at a glance and the letter stays readable on it. Hex without "#":
 * spreadsheet and slide libraries both take it that way.
 */
export interface CodeStyle {
  name: string;
  hint: string;
  text: string;
  fill: string;
}

/**
 * The accountable role first, then who does the work, then who is asked and told: the
 * editor's order, and the matrix CSV's (so a cell reads "A/R" in every format).
 */
export const DISPLAY_ORDER: readonly RaciCode[] = CODE_ORDER;

export const CODE_STYLES: Readonly<Record<RaciCode, CodeStyle>> = {
  A: {
    name: "Accountable",
    hint: "owns the outcome; exactly one per row",
    text: "1E3A8A",
    fill: "DBEAFE",
  },
  R: { name: "Responsible", hint: "does the work", text: "14532D", fill: "DCFCE7" },
  S: { name: "Support", hint: "helps the responsible roles", text: "134E4A", fill: "CCFBF1" },
  C: { name: "Consulted", hint: "asked before decisions", text: "6B21A8", fill: "F3E8FF" },
  I: { name: "Informed", hint: "told after decisions", text: "374151", fill: "F3F4F6" },
};

/** "A/R" for several codes in display order, "" for none: the matrix CSV's cell text. */
export function formatCodes(codes: readonly RaciCode[]): string {
  return formatRaciCell(codes);
}

/** The style a cell takes: that of its first code in display order (A over R over …). */
export function cellStyle(codes: readonly RaciCode[]): CodeStyle | undefined {
  const first = codes[0];
  return first === undefined ? undefined : CODE_STYLES[first];
}
