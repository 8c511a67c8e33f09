import type { SvgOutput } from "../svg/output";
/** A part of the page that knows its size and draws itself with its top-left corner at (x, y). */
export interface Block {
  width: number;
  height: number;
  draw(x: number, y: number, out: SvgOutput): void;
}
