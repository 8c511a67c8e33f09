import { describe, expect, it } from "vitest";
import { sketchChart } from "../testing/chart-builder";
import { createReportingGraph } from "./reporting-graph";

const chart = sketchChart({
  roles: ["ceo", "cio", "cto", "ciso", "ops", "eng", "solo"],
  solid: ["ceo>cio", "ceo>cto", "cio>ciso", "cio>ops", "cto>eng"],
  dotted: ["cto>ciso", "ceo>cio"],
});
const graph = createReportingGraph(chart);

describe("createReportingGraph", () => {
  it.each([
    ["ciso", "solid", ["cio"]],
    ["ciso", "dotted", ["cto"]],
    ["ciso", "any", ["cio", "cto"]],
    ["cio", "any", ["ceo"]],
    ["ceo", "solid", []],
    ["nobody", "solid", []],
  ] as const)("lists the %s managers of %s", (role, kind, expected) => {
    expect(graph.managers(role, kind)).toEqual(expected);
  });

  it.each([
    ["ceo", "solid", ["cio", "cto"]],
    ["cto", "dotted", ["ciso"]],
    ["cto", "any", ["eng", "ciso"]],
    ["eng", "solid", []],
  ] as const)("lists the %s reports of %s", (role, kind, expected) => {
    expect(graph.reports(role, kind)).toEqual(expected);
  });

  it.each([
    ["ciso", ["cio", "cto", "ceo"]],
    ["eng", ["cto", "ceo"]],
    ["ceo", []],
    ["nobody", []],
  ])("walks the chain of %s nearest first", (role, expected) => {
    expect(graph.chain(role)).toEqual(expected);
  });

  it("finds roots by solid lines only", () => {
    expect(graph.roots()).toEqual(["ceo", "solo"]);
  });

  it.each([
    ["cio", "solid", ["cio", "ciso", "ops"]],
    ["cto", "solid", ["cto", "eng"]],
    ["cto", "any", ["cto", "eng", "ciso"]],
    ["solo", "solid", ["solo"]],
    ["nobody", "solid", []],
  ] as const)("collects the subtree of %s", (role, kind, expected) => {
    expect(graph.subtree(role, kind)).toEqual(expected);
  });

  it.each([
    ["ciso", "ceo", true],
    ["ciso", "cto", true],
    ["eng", "cio", false],
    ["ceo", "ciso", false],
    ["ceo", "ceo", false],
    ["solo", "ceo", false],
    ["nobody", "ceo", false],
  ])("answers whether %s has %s in its chain: %s", (lower, upper, expected) => {
    expect(graph.isInChain(lower, upper)).toBe(expected);
    expect(graph.chain(lower).includes(upper)).toBe(expected);
  });

  it("answers by position as it does by id", () => {
    const at = (id: string) => graph.indexOf(id) as number;
    for (const lower of graph.roleIds)
      for (const upper of graph.roleIds)
        expect(graph.isInChainAt(at(lower), at(upper))).toBe(graph.isInChain(lower, upper));
  });

  it("keeps the lines of each kind both ways by position", () => {
    const targets = (digraph: typeof graph.solid.up, id: string) => {
      const node = graph.indexOf(id) as number;
      return [...digraph.targets.subarray(digraph.offsets[node], digraph.offsets[node + 1])].map(
        (target) => graph.roleIds[target],
      );
    };
    expect(targets(graph.solid.down, "ceo")).toEqual(["cio", "cto"]);
    expect(targets(graph.solid.up, "ciso")).toEqual(["cio"]);
    expect(targets(graph.dotted.up, "ciso")).toEqual(["cto"]);
    expect(targets(graph.dotted.down, "ceo")).toEqual(["cio"]);
  });

  it("lists a pair linked both solid and dotted once under any kind", () => {
    expect(graph.managers("cio", "any")).toEqual(["ceo"]);
    expect(graph.reports("ceo", "any")).toEqual(["cio", "cto"]);
  });

  it("does not overflow on a 20,000-deep chain", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `r${i}`);
    const deep = createReportingGraph(
      sketchChart({ roles: ids, solid: ids.slice(1).map((id, i) => `r${i}>${id}`) }),
    );
    expect(deep.isInChain("r19999", "r0")).toBe(true);
    expect(deep.isInChain("r0", "r19999")).toBe(false);
    expect(deep.chain("r19999")).toHaveLength(19_999);
  });
});
