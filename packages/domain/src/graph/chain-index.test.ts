import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largeChartArbitrary, shuffle, smallChartArbitrary } from "../testing/arbitraries";
import { buildChainIndex } from "./chain-index";
import { createReportingGraph } from "./reporting-graph";

/** A graph as the chain index takes it: line i makes managers[i] a manager of reports[i]. */
interface Lines {
  size: number;
  managers: number[];
  reports: number[];
}

const fromEdges = (size: number, edges: readonly (readonly [number, number])[]): Lines => ({
  size,
  managers: edges.map(([manager]) => manager),
  reports: edges.map(([, report]) => report),
});

/** Naive chains: for each node, the nodes reachable from it upward in one or more steps. */
function naiveChains({ size, managers, reports }: Lines): Set<number>[] {
  return Array.from({ length: size }, (_, lower) => {
    const above = new Set<number>();
    const queue = [lower];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      for (let e = 0; e < reports.length; e++) {
        const manager = managers[e] as number;
        if (reports[e] !== node || above.has(manager)) continue;
        above.add(manager);
        queue.push(manager);
      }
    }
    return above;
  });
}

const MAX_NODES = 40;

/** Any edges at all: cycles, self-loops, parallel edges. */
const anyGraph = fc
  .integer({ min: 1, max: MAX_NODES })
  .chain((size) =>
    fc
      .array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3, size: "max" })
      .map((edges) => fromEdges(size, edges)),
  );

/** A DAG with many cross edges: every manager has a lower number than its report. */
const denseDag = fc.integer({ min: 2, max: MAX_NODES }).chain((size) =>
  fc
    .array(fc.tuple(fc.nat(size - 2), fc.nat(size - 1)), { maxLength: size * 4, size: "max" })
    .map((pairs) =>
      fromEdges(
        size,
        pairs.map(([a, b]): [number, number] => {
          const manager = Math.min(a, b === a ? a + 1 : b);
          const report = Math.max(a, b === a ? a + 1 : b);
          return [manager, report];
        }),
      ),
    ),
);

/** A tree (node i reports to a lower node) plus a few extra edges in any direction. */
const treeWithExtras = fc
  .integer({ min: 1, max: MAX_NODES })
  .chain((size) =>
    fc
      .tuple(
        fc.array(fc.nat(), { minLength: size - 1, maxLength: size - 1 }),
        fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 6 }),
      )
      .map(([parents, extras]) =>
        fromEdges(size, [
          ...parents.map((parent, i): [number, number] => [parent % (i + 1), i + 1]),
          ...extras,
        ]),
      ),
  );

/** Two graphs side by side, the second renumbered after the first: never connected. */
const disconnected = fc
  .tuple(fc.oneof(treeWithExtras, anyGraph), fc.oneof(treeWithExtras, denseDag))
  .filter(([a, b]) => a.size + b.size <= MAX_NODES)
  .map(([a, b]) => ({
    size: a.size + b.size,
    managers: [...a.managers, ...b.managers.map((m) => m + a.size)],
    reports: [...a.reports, ...b.reports.map((r) => r + a.size)],
  }));

const graphs = fc.oneof(anyGraph, denseDag, treeWithExtras, disconnected);

/** Every (lower, upper) pair, in an order the property chooses (the index keeps state). */
const withPairs = graphs.chain((graph) =>
  shuffle(
    Array.from({ length: graph.size * graph.size }, (_, i): [number, number] => [
      Math.floor(i / graph.size),
      i % graph.size,
    ]),
  ).map((pairs) => ({ graph, pairs })),
);

describe("buildChainIndex", () => {
  it("agrees with a breadth-first search upward for every pair of distinct nodes", () => {
    fc.assert(
      fc.property(withPairs, ({ graph, pairs }) => {
        const index = buildChainIndex(graph.size, graph.managers, graph.reports);
        const chains = naiveChains(graph);
        const wrong = pairs.filter(([lower, upper]) => {
          const expected = lower !== upper && chains[lower]?.has(upper) === true;
          return index.isInChain(lower, upper) !== expected;
        });
        expect(wrong, "pairs [lower, upper] answered wrongly").toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("answers isInChain(x, x) with false, even when x lies on a cycle", () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const index = buildChainIndex(graph.size, graph.managers, graph.reports);
        for (let node = 0; node < graph.size; node++)
          expect(index.isInChain(node, node)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  /**
   * Edges are "manager>report". isInChain(x, x) is always false: rules.md's chain ("every
   * role reachable from it upward ... any number of steps") read literally would contain
   * x itself when x lies on a cycle, but the index, like ReportingGraph.chain(), never
   * counts a role as above itself. The only rule that asks (authority) skips r = a, so
   * this cannot change a finding.
   */
  const cases: { name: string; size: number; edges: string[]; yes: string[]; no: string[] }[] = [
    { name: "empty graph", size: 0, edges: [], yes: [], no: [] },
    { name: "single node", size: 1, edges: [], yes: [], no: ["0<0"] },
    {
      name: "straight line 0 > 1 > 2",
      size: 3,
      edges: ["0>1", "1>2"],
      yes: ["1<0", "2<1", "2<0"],
      no: ["0<1", "0<2", "1<2", "0<0", "1<1", "2<2"],
    },
    {
      name: "siblings and cousins are not in each other's chain",
      size: 5,
      edges: ["0>1", "0>2", "1>3", "2>4"],
      yes: ["3<0", "4<0", "3<1", "4<2"],
      no: ["1<2", "2<1", "3<4", "4<3", "3<2", "4<1"],
    },
    {
      name: "a second line (dotted or solid) makes a detour off the depth-first tree",
      size: 5,
      edges: ["0>1", "0>2", "2>3", "3>4", "1>4"],
      yes: ["4<1", "4<3", "4<2", "4<0"],
      no: ["3<1", "1<4", "2<1"],
    },
    {
      name: "detour found only by searching: 4 reaches 1 through 3 > 4 and 1 > 3",
      size: 6,
      edges: ["0>2", "2>3", "3>4", "0>1", "1>3", "0>5"],
      yes: ["4<1", "3<1", "4<0", "5<0"],
      no: ["5<1", "2<1", "1<2"],
    },
    {
      name: "two-role cycle: each is in the other's chain, neither in its own",
      size: 2,
      edges: ["0>1", "1>0"],
      yes: ["0<1", "1<0"],
      no: ["0<0", "1<1"],
    },
    {
      name: "cycle with a tail above and below",
      size: 5,
      edges: ["0>1", "1>2", "2>3", "3>1", "3>4"],
      yes: ["1<0", "2<1", "1<3", "3<2", "4<0", "4<1", "4<2"],
      no: ["0<1", "0<4", "1<4", "2<2"],
    },
    {
      name: "disconnected parts",
      size: 4,
      edges: ["0>1", "2>3"],
      yes: ["1<0", "3<2"],
      no: ["3<0", "1<2", "2<1", "0<3"],
    },
    {
      name: "parallel lines (solid and dotted between the same pair)",
      size: 2,
      edges: ["0>1", "0>1"],
      yes: ["1<0"],
      no: ["0<1"],
    },
  ];

  const parseEdge = (edge: string) => edge.split(">").map(Number) as [number, number];
  const parseQuestion = (question: string) => question.split("<").map(Number) as [number, number];

  it.each(cases)("$name", ({ size, edges, yes, no }) => {
    const graph = fromEdges(size, edges.map(parseEdge));
    const index = buildChainIndex(graph.size, graph.managers, graph.reports);
    for (const question of yes) {
      const [lower, upper] = parseQuestion(question);
      expect(index.isInChain(lower, upper), `${upper} above ${lower}`).toBe(true);
      expect(naiveChains(graph)[lower]?.has(upper)).toBe(true);
    }
    for (const question of no) {
      const [lower, upper] = parseQuestion(question);
      expect(index.isInChain(lower, upper), `${upper} not above ${lower}`).toBe(false);
    }
  });

  it("handles a 100,000-deep chain without overflowing the stack", () => {
    const size = 100_000;
    const managers = Array.from({ length: size - 1 }, (_, i) => i);
    const reports = Array.from({ length: size - 1 }, (_, i) => i + 1);
    const index = buildChainIndex(size, managers, reports);
    expect(index.isInChain(size - 1, 0)).toBe(true);
    expect(index.isInChain(0, size - 1)).toBe(false);
    expect(index.isInChain(size / 2, size / 2 - 1)).toBe(true);
  });
});

describe("ReportingGraph.isInChain", () => {
  it("equals chain(lower).includes(upper) for every pair of roles of a chart", () => {
    fc.assert(
      fc.property(fc.oneof(smallChartArbitrary, largeChartArbitrary), (document) => {
        const graph = createReportingGraph(document);
        const wrong: [string, string][] = [];
        for (const lower of graph.roleIds) {
          const chain = new Set(graph.chain(lower));
          for (const upper of graph.roleIds)
            if (graph.isInChain(lower, upper) !== chain.has(upper)) wrong.push([lower, upper]);
        }
        expect(wrong, "pairs [lower, upper] answered wrongly").toEqual([]);
        expect(graph.isInChain("no such role", graph.roleIds[0] ?? "x")).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
