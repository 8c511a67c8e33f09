/** The compare view: what chart `b` (a scenario) changes relative to chart `a` (its primary). */
export const COMPARE_ROUTE = "/charts/:a/compare/:b";

export const chartPath = (id: string) => `/charts/${encodeURIComponent(id)}`;

export const comparePath = (a: string, b: string) =>
  `${chartPath(a)}/compare/${encodeURIComponent(b)}`;

/** What the primary's page is told after a promote (router state), to say so once. */
export interface PromotedState {
  promoted: { name: string; version: number };
}

export function promotedOf(state: unknown): PromotedState["promoted"] | null {
  if (typeof state !== "object" || state === null || !("promoted" in state)) return null;
  const { promoted } = state as { promoted: unknown };
  if (typeof promoted !== "object" || promoted === null) return null;
  const { name, version } = promoted as Record<string, unknown>;
  return typeof name === "string" && typeof version === "number" ? { name, version } : null;
}
