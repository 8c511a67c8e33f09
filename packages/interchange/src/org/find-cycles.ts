/**
 * The cycles of a graph where each node has at most one parent (its manager): every
 * node is visited once, so this is linear in the number of rows. `parents[i]` is the
 * parent's index or -1; self-loops are expected to be removed by the caller. Each cycle
 * is returned once, starting at its smallest index and following the parents.
 */
export function findCycles(parents: readonly number[]): number[][] {
  const count = parents.length;
  // Position of a node on the walk in progress, -1 when off it; `done` once fully walked.
  const onWalk = new Int32Array(count).fill(-1);
  const done = new Uint8Array(count);
  const cycles: number[][] = [];
  for (let start = 0; start < count; start += 1) {
    const walk: number[] = [];
    let node = start;
    while (node !== -1 && done[node] === 0 && onWalk[node] === -1) {
      onWalk[node] = walk.length;
      walk.push(node);
      node = parents[node] ?? -1;
    }
    // Stopped on the walk itself: the nodes from there on form a new cycle.
    const cycleStart = node === -1 ? -1 : (onWalk[node] ?? -1);
    if (cycleStart !== -1) cycles.push(rotateToSmallest(walk.slice(cycleStart)));
    for (const visited of walk) {
      done[visited] = 1;
      onWalk[visited] = -1;
    }
  }
  return cycles;
}

function rotateToSmallest(cycle: number[]): number[] {
  let smallest = 0;
  cycle.forEach((node, index) => {
    if (node < (cycle[smallest] ?? node)) smallest = index;
  });
  return [...cycle.slice(smallest), ...cycle.slice(0, smallest)];
}
