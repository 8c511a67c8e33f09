import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDigraph, type Digraph, findComponents } from "./digraph";

const graphOf = (size: number, edges: readonly (readonly [number, number])[]) =>
  buildDigraph(
    size,
    edges.map(([from]) => from),
    edges.map(([, to]) => to),
  );

const targetsOf = (graph: Digraph, node: number) => [
  ...graph.targets.subarray(graph.offsets[node], graph.offsets[node + 1]),
];

/** Components as sorted lists of nodes, sorted by first node: independent of numbering. */
const groups = (componentOf: Int32Array) => {
  const byComponent = new Map<number, number[]>();
  componentOf.forEach((component, node) => {
    byComponent.set(component, [...(byComponent.get(component) ?? []), node]);
  });
  return [...byComponent.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
};

/** Naive reachability (zero or more steps) by breadth-first search. */
function reachable(graph: Digraph, from: number): Set<number> {
  const seen = new Set([from]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++)
    for (const next of targetsOf(graph, queue[head] as number))
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
}

describe("buildDigraph", () => {
  it("keeps every node's edges in input order, parallel edges and self-loops included", () => {
    const graph = graphOf(4, [
      [2, 1],
      [0, 3],
      [2, 0],
      [0, 1],
      [2, 1],
      [3, 3],
    ]);
    expect(graph.size).toBe(4);
    expect(targetsOf(graph, 0)).toEqual([3, 1]);
    expect(targetsOf(graph, 1)).toEqual([]);
    expect(targetsOf(graph, 2)).toEqual([1, 0, 1]);
    expect(targetsOf(graph, 3)).toEqual([3]);
  });

  it("builds an empty graph", () => {
    const graph = graphOf(0, []);
    expect(graph.size).toBe(0);
    expect(findComponents(graph)).toEqual({ componentOf: new Int32Array(0), count: 0 });
  });
});

describe("findComponents", () => {
  it("finds one component in a cycle", () => {
    const { componentOf, count } = findComponents(
      graphOf(3, [
        [0, 1],
        [1, 2],
        [2, 0],
      ]),
    );
    expect(count).toBe(1);
    expect(groups(componentOf)).toEqual([[0, 1, 2]]);
  });

  it("keeps two cycles joined by one edge apart, numbered against the edge", () => {
    const { componentOf, count } = findComponents(
      graphOf(5, [
        [0, 1],
        [1, 0],
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 2],
      ]),
    );
    expect(count).toBe(2);
    expect(groups(componentOf)).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
    expect(componentOf[1]).toBeGreaterThan(componentOf[2] as number);
  });

  it("gives every node of a DAG its own component, in reverse topological order", () => {
    // A diamond with a tail and a shortcut: 0 → 1, 0 → 2, 1 → 3, 2 → 3, 3 → 4, 0 → 4.
    const edges: [number, number][] = [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 4],
      [0, 4],
    ];
    const { componentOf, count } = findComponents(graphOf(5, edges));
    expect(count).toBe(5);
    expect(new Set(componentOf).size).toBe(5);
    for (const [from, to] of edges)
      expect(componentOf[from]).toBeGreaterThan(componentOf[to] as number);
  });

  it("treats a self-loop as a one-node component", () => {
    const { componentOf, count } = findComponents(
      graphOf(2, [
        [0, 0],
        [0, 1],
      ]),
    );
    expect(count).toBe(2);
    expect(componentOf[0]).toBeGreaterThan(componentOf[1] as number);
  });

  const randomGraph = fc.integer({ min: 0, max: 40 }).chain((size) =>
    size === 0
      ? fc.constant({ size, edges: [] as [number, number][] })
      : fc
          .array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), {
            maxLength: size * 3,
            size: "max",
          })
          .map((edges) => ({ size, edges })),
  );

  it("matches mutual reachability and numbers components in reverse topological order", () => {
    fc.assert(
      fc.property(randomGraph, ({ size, edges }) => {
        const graph = graphOf(size, edges);
        const { componentOf, count } = findComponents(graph);
        // Numbers 0..count-1, all used.
        expect(new Set(componentOf)).toEqual(new Set(Array.from({ length: count }, (_, i) => i)));
        const reach = Array.from({ length: size }, (_, node) => reachable(graph, node));
        const wrong: [number, number][] = [];
        for (let a = 0; a < size; a++)
          for (let b = 0; b < size; b++) {
            const together = reach[a]?.has(b) === true && reach[b]?.has(a) === true;
            if ((componentOf[a] === componentOf[b]) !== together) wrong.push([a, b]);
          }
        expect(wrong, "pairs put in the wrong components").toEqual([]);
        const upward = edges.filter(
          ([from, to]) => (componentOf[from] as number) < (componentOf[to] as number),
        );
        expect(upward, "edges from a lower to a higher component number").toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("handles a 100,000-node chain and a 100,000-node cycle without overflowing the stack", () => {
    const size = 100_000;
    const chain = Array.from({ length: size - 1 }, (_, i): [number, number] => [i, i + 1]);
    const line = findComponents(graphOf(size, chain));
    expect(line.count).toBe(size);
    expect(line.componentOf[0]).toBe(size - 1);
    expect(line.componentOf[size - 1]).toBe(0);

    const cycle = findComponents(graphOf(size, [...chain, [size - 1, 0]]));
    expect(cycle.count).toBe(1);
  });
});
