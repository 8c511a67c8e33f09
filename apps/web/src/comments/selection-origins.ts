import type { CommentTarget } from "@rolemap/contract";

/**
 * Who selected, as the canvas and the matrix read a selection's origin: "canvas" and
 * anything starting with "matrix" do not move the canvas; anything but "matrix" scrolls the
 * matrix to it (canvas/use-reveal-selection, matrix/use-active-cell).
 */

/** A role chosen by a mention: the canvas shows it; the comments panel stays where it was. */
export const MENTION_ORIGIN = "comment-mention";

/** A marker was clicked where its target is on screen: nothing moves. */
export function markerOrigin(target: CommentTarget): string {
  return "responsibility" in target ? "matrix" : "canvas";
}

/** A thread's target chosen in the panel: shown where it lives (the canvas, or the matrix). */
export function panelOrigin(target: CommentTarget): string {
  return "responsibility" in target ? "matrix-comments" : "comments";
}
