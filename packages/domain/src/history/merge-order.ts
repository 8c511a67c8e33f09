import type { Three } from "./merge-rows";

/**
 * The order of a merged list (roles, rows, lines, assignments) for `mergeScenario`: the
 * order of the side that reordered, with the other side's additions placed after the row
 * they follow there. Only the scenario's reordering wins over the original's, so with an
 * original that did not change, the result is the scenario's list exactly.
 */

/** Does `side` put rows it shares with `base` in another order than `base`? */
function isReordered<K>(base: readonly K[], side: readonly K[]): boolean {
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
 * inserted after the kept row before it in `other` (at the start when none is) and after
 * the rows only `skeleton` has that follow that row.
 */
function weave<K>(skeleton: readonly K[], other: readonly K[], kept: ReadonlySet<K>): K[] {
  const inSkeleton = new Set(skeleton);
  // The rows `other` adds, by the shared row they follow (`first`: before any).
  const first: K[] = [];
  const after = new Map<K, K[]>();
  let anchored = false;
  let anchor = undefined as K;
  for (const key of other) {
    if (!kept.has(key)) continue;
    if (inSkeleton.has(key)) {
      anchored = true;
      anchor = key;
    } else if (!anchored) first.push(key);
    else {
      const list = after.get(anchor);
      if (list === undefined) after.set(anchor, [key]);
      else list.push(key);
    }
  }
  // A row the other side added after a shared row goes after the rows the skeleton's side
  // added there too: both sides usually append, and the skeleton's side keeps its order.
  const inOther = new Set(other);
  const order: K[] = [];
  let pending = first;
  for (const key of skeleton) {
    if (!kept.has(key)) continue;
    if (inOther.has(key) && pending.length > 0) {
      order.push(...pending);
      pending = [];
    }
    order.push(key);
    const following = after.get(key);
    if (following !== undefined) pending = pending.concat(following);
  }
  order.push(...pending);
  return order;
}

/**
 * The merged list of rows `merged` (by key) in order: the original's (`current`) unless
 * the scenario reordered the rows it shares with `base`, then the scenario's.
 */
export function mergeOrder<T, K>(
  lists: Three<readonly T[]>,
  keyOf: (row: T) => K,
  merged: ReadonlyMap<K, T>,
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
