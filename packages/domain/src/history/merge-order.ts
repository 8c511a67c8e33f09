/**
 * The order of a merged list (roles, rows, lines, assignments) for `mergeScenario`: the
 * order of the side that reordered, with the other side's additions placed after the row
 * they follow there. Only the scenario's reordering wins over the original's, so with an
 * original that did not change, the result is the scenario's list exactly.
 */

/** Does `side` put rows it shares with `base` in another order than `base`? */
function isReordered(base: readonly string[], side: readonly string[]): boolean {
  const position = new Map(base.map((key, index) => [key, index]));
  let last = -1;
  for (const key of side) {
    const at = position.get(key);
    if (at === undefined) continue;
    if (at < last) return true;
    last = at;
  }
  return false;
}

/**
 * `skeleton`'s rows that are kept, with every kept row of `other` that `skeleton` lacks
 * inserted right after the kept row before it in `other` (at the start when none is).
 */
function weave(
  skeleton: readonly string[],
  other: readonly string[],
  kept: ReadonlySet<string>,
): string[] {
  const inSkeleton = new Set(skeleton);
  const START = "";
  const after = new Map<string, string[]>();
  let bucket: string[] = [];
  after.set(START, bucket);
  for (const key of other) {
    if (!kept.has(key)) continue;
    if (inSkeleton.has(key)) {
      bucket = after.get(key) ?? [];
      after.set(key, bucket);
    } else bucket.push(key);
  }
  const order: string[] = [...(after.get(START) ?? [])];
  for (const key of skeleton) {
    if (!kept.has(key)) continue;
    order.push(key);
    const following = after.get(key);
    if (following !== undefined) order.push(...following);
  }
  return order;
}

/**
 * The merged list of rows `merged` (by key) in order: the original's (`current`) unless
 * the scenario reordered the rows it shares with `base`, then the scenario's.
 */
export function mergeOrder<T>(
  lists: { base: readonly T[]; scenario: readonly T[]; current: readonly T[] },
  keyOf: (row: T) => string,
  merged: ReadonlyMap<string, T>,
): T[] {
  const base = lists.base.map(keyOf);
  const scenario = lists.scenario.map(keyOf);
  const current = lists.current.map(keyOf);
  const kept = new Set(merged.keys());
  const order = isReordered(base, scenario)
    ? weave(scenario, current, kept)
    : weave(current, scenario, kept);
  return order.map((key) => merged.get(key) as T);
}
