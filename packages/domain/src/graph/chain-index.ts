import { buildDigraph, type Digraph, findComponents } from "./digraph";

/**
 * Answers "is `upper` in the chain of `lower`?" (reachable upward through reporting lines
 * of either kind) without walking the graph per question.
 *
 * The line graph is condensed into its strongly connected components (a DAG), walked
 * once depth-first from the top, and every component gets two intervals:
 * - its span in the depth-first tree: a descendant in that tree is certainly reachable;
 * - [lowest post-order below it, its own post-order]: anything reachable lies inside
 *   it, so a component outside is certainly not reachable.
 * In an org chart the depth-first tree follows the solid hierarchy, so nearly every
 * question is answered by these two O(1) tests; only dotted or multi-manager detours fall
 * through to a search that the second interval prunes.
 */
export interface ChainIndex {
  isInChain(lower: number, upper: number): boolean;
}

export function buildChainIndex(
  size: number,
  managers: ArrayLike<number>,
  reports: ArrayLike<number>,
): ChainIndex {
  const down = buildDigraph(size, managers, reports);
  const { componentOf, count } = findComponents(down);
  const dag = condense(down, componentOf, count);
  const { pre, post, low } = labelDepthFirst(dag);
  const visitedAt = new Int32Array(count);
  const stack = new Int32Array(count);
  let epoch = 0;

  const mayReach = (from: number, to: number) => low[from]! <= low[to]! && post[to]! <= post[from]!;

  return {
    isInChain(lower, upper) {
      const target = componentOf[lower]!;
      const source = componentOf[upper]!;
      if (source === target) return lower !== upper;
      if (pre[source]! <= pre[target]! && post[target]! <= post[source]!) return true;
      if (!mayReach(source, target)) return false;
      epoch++;
      let top = 0;
      stack[top++] = source;
      visitedAt[source] = epoch;
      while (top > 0) {
        const node = stack[--top]!;
        for (let e = dag.offsets[node]!; e < dag.offsets[node + 1]!; e++) {
          const next = dag.targets[e]!;
          if (next === target) return true;
          if (visitedAt[next] === epoch || !mayReach(next, target)) continue;
          visitedAt[next] = epoch;
          stack[top++] = next;
        }
      }
      return false;
    },
  };
}

/** The component DAG, edges kept in the original order (solid lines first stay first). */
function condense(graph: Digraph, componentOf: Int32Array, count: number): Digraph {
  // At most one edge per original edge: typed arrays of that size, no growing lists.
  const sources = new Int32Array(graph.targets.length);
  const targets = new Int32Array(graph.targets.length);
  let edges = 0;
  for (let node = 0; node < graph.size; node++) {
    const from = componentOf[node]!;
    for (let e = graph.offsets[node]!; e < graph.offsets[node + 1]!; e++) {
      const to = componentOf[graph.targets[e]!]!;
      if (from !== to) {
        sources[edges] = from;
        targets[edges++] = to;
      }
    }
  }
  return buildDigraph(count, sources.subarray(0, edges), targets.subarray(0, edges));
}

const UNSET = 0x7fffffff;

/** Iterative depth-first walk from every component without incoming edges. */
function labelDepthFirst(dag: Digraph) {
  const { size, offsets, targets } = dag;
  const pre = new Int32Array(size).fill(-1);
  const post = new Int32Array(size);
  const low = new Int32Array(size);
  const hasIncoming = new Uint8Array(size);
  for (let e = 0; e < targets.length; e++) hasIncoming[targets[e]!] = 1;
  const callNode = new Int32Array(size);
  const callEdge = new Int32Array(size);
  let preCounter = 0;
  let postCounter = 0;

  // Roots first, so the depth-first tree follows the hierarchy. Every node of a DAG is
  // reachable from one without incoming edges, so one pass over the roots covers all.
  for (let start = 0; start < size; start++) {
    if (hasIncoming[start] === 1) continue;
    let depth = 0;
    callNode[0] = start;
    callEdge[0] = offsets[start]!;
    pre[start] = preCounter++;
    low[start] = UNSET;
    while (depth >= 0) {
      const node = callNode[depth]!;
      const edge = callEdge[depth]!;
      if (edge < offsets[node + 1]!) {
        callEdge[depth] = edge + 1;
        const next = targets[edge]!;
        if (pre[next] === -1) {
          pre[next] = preCounter++;
          low[next] = UNSET;
          depth++;
          callNode[depth] = next;
          callEdge[depth] = offsets[next]!;
        } else if (low[next]! < low[node]!) {
          // Already finished (a DAG has no back edges): its interval is final.
          low[node] = low[next]!;
        }
        continue;
      }
      post[node] = postCounter++;
      if (post[node]! < low[node]!) low[node] = post[node]!;
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[node]! < low[parent]!) low[parent] = low[node]!;
      }
    }
  }
  return { pre, post, low };
}
