import { useAfterFirstPaint } from "../lib/use-after-first-paint";

/** Up to this many visible cards, every card is mounted once the first view is on screen. */
export const MOUNT_ALL_LIMIT = 2_500;
/** Charts this small mount every card from the start. */
export const CULLING_THRESHOLD = 400;

/**
 * Whether React Flow should mount only the cards inside the view (its
 * `onlyRenderVisibleElements`).
 *
 * A large chart's first render mounts only what the view shows: a quarter of a 1,000-role
 * chart at the overview's zoom, so it is on screen sooner. Right after that first paint
 * the rest are mounted, as a transition that gives way to input. React Flow's culling
 * would otherwise mount, measure and unmount the cards at the view's edges on every frame
 * of a pan, which halved the frame rate at 1,000 roles. Above `MOUNT_ALL_LIMIT` cards,
 * all of them in the page would cost more than that churn, so culling stays.
 */
export function useViewCulling(visibleCards: number): boolean {
  const isFirstViewPainted = useAfterFirstPaint({ asTransition: true });
  if (visibleCards > MOUNT_ALL_LIMIT) return true;
  return !isFirstViewPainted && visibleCards > CULLING_THRESHOLD;
}
