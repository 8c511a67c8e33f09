/**
 * How long a view animation lasts: the given time, or none for people who ask their system
 * for reduced motion (panning and zooming across a projector screen can make them ill).
 */
export function motion(durationMs: number): number {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return durationMs;
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : durationMs;
}
