import { useDeferredValue } from "react";
import { useAfterFirstPaint } from "../lib/use-after-first-paint";

/** Up to this many visible cards, the overview mounts every card once it is on screen. */
export const MOUNT_ALL_LIMIT = 2_500;
/** Charts this small mount every card, always. */
export const CULLING_THRESHOLD = 400;

/**
 * Whether React Flow should mount only the cards inside the view (its
 * `onlyRenderVisibleElements`), for a chart of `visibleCards` cards, zoomed out to the
 * overview's compact cards or not.
 *
 * - The first render mounts only what the view shows (a quarter of a 1,000-role chart in
 *   the fitted overview), so the chart is on screen sooner.
 * - In the overview every card is then mounted, as a transition that gives way to input:
 *   with culling, each frame of a pan mounted, measured and unmounted the cards at the
 *   view's edges, which halved the frame rate at 1,000 roles.
 * - Close up, culling is back at once: a few cards are in view, and a thousand full-size
 *   cards in the page made the browser's compositing step long. It comes back in the same
 *   render that turns the cards from compact to full, so the cards leaving are not redrawn.
 * - Above `MOUNT_ALL_LIMIT` cards, all of them in the page would cost more than the churn.
 */
export function useViewCulling(visibleCards: number, isOverview: boolean): boolean {
  const isFirstViewPainted = useAfterFirstPaint({ asTransition: true });
  // Zooming out: the cards outside the view come in a transition, a render after the zoom.
  const isSettledOverview = useDeferredValue(isOverview);
  if (visibleCards <= CULLING_THRESHOLD) return false;
  if (visibleCards > MOUNT_ALL_LIMIT) return true;
  return !(isFirstViewPainted && isOverview && isSettledOverview);
}
