/**
 * A compact directed graph over nodes 0..size-1 in compressed sparse row form: the
 * targets of node n are targets[offsets[n] .. offsets[n+1]). Built once, read often;
 * every algorithm here is iterative so a 10,000-deep chain cannot overflow the stack.
 * Typed-array reads use `!`: every index is in range by construction, and these loops are
 * the engine's hot path.
 */
export interface Digraph {
  readonly size: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** Builds a digraph from parallel source/target arrays, keeping each node's edge order. */
export function buildDigraph(size: number, sources: ArrayLike<number>, targets: ArrayLike<number>) {
  const offsets = new Int32Array(size + 1);
  for (let i = 0; i < sources.length; i++) offsets[(sources[i] as number) + 1]! += 1;
  for (let n = 0; n < size; n++) offsets[n + 1]! += offsets[n]!;
  const cursor = offsets.slice(0, size);
  const out = new Int32Array(sources.length);
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i] as number;
    out[cursor[source]!++] = targets[i] as number;
  }
  return { size, offsets, targets: out } satisfies Digraph;
}

export interface Components {
  /** Component of each node. Numbered in reverse topological order: an edge between
   * two components always goes from a higher number to a lower one. */
  readonly componentOf: Int32Array;
  readonly count: number;
}

/** Tarjan's strongly connected components, iterative, O(V + E). */
export function findComponents(graph: Digraph): Components {
  const { size, offsets, targets } = graph;
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const componentOf = new Int32Array(size).fill(-1);
  const stack = new Int32Array(size);
  const callNode = new Int32Array(size);
  const callEdge = new Int32Array(size);
  let stackTop = 0;
  let nextIndex = 0;
  let count = 0;

  for (let start = 0; start < size; start++) {
    if (index[start] !== -1) continue;
    let depth = 0;
    callNode[0] = start;
    callEdge[0] = offsets[start]!;
    index[start] = low[start] = nextIndex++;
    stack[stackTop++] = start;

    while (depth >= 0) {
      const node = callNode[depth]!;
      const edge = callEdge[depth]!;
      if (edge < offsets[node + 1]!) {
        callEdge[depth] = edge + 1;
        const next = targets[edge]!;
        if (index[next] === -1) {
          index[next] = low[next] = nextIndex++;
          stack[stackTop++] = next;
          depth++;
          callNode[depth] = next;
          callEdge[depth] = offsets[next]!;
        } else if (componentOf[next] === -1 && index[next]! < low[node]!) {
          low[node] = index[next]!;
        }
        continue;
      }
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack[--stackTop]!;
          componentOf[member] = count;
        } while (member !== node);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[node]! < low[parent]!) low[parent] = low[node]!;
      }
    }
  }
  return { componentOf, count };
}
