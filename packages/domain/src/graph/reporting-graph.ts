import type { ChartDocument, LineKind } from "@rolemap/contract";
import { buildChainIndex, type ChainIndex } from "./chain-index";
import { buildDigraph, type Digraph } from "./digraph";

export type LineFilter = LineKind | "any";

/** Lines of one kind over role positions, both ways. */
export interface LineGraph {
  /** report → manager */
  readonly up: Digraph;
  /** manager → report */
  readonly down: Digraph;
}

/**
 * The reporting lines of a chart as a graph, with the queries the rules, the editor and
 * the exports share. Built once per document in O(roles + lines); never mutates it.
 */
export interface ReportingGraph {
  /** Role ids in document order. */
  readonly roleIds: readonly string[];
  /** The lines by kind over role positions, for loops that must not allocate per role. */
  readonly solid: LineGraph;
  readonly dotted: LineGraph;
  hasRole(roleId: string): boolean;
  /** Position of the role in the document's roles, or undefined. */
  indexOf(roleId: string): number | undefined;
  /** Direct managers of a role (solid lines by default), in line order, without repeats. */
  managers(roleId: string, kind?: LineFilter): readonly string[];
  /** Direct reports of a role (solid lines by default), in line order, without repeats. */
  reports(roleId: string, kind?: LineFilter): readonly string[];
  /** Every role above this one through lines of either kind, nearest first. */
  chain(roleId: string): string[];
  /** Whether `upper` is in the chain of `lower`; O(1) for tree-shaped charts. */
  isInChain(lower: string, upper: string): boolean;
  /** `isInChain` over role positions. */
  isInChainAt(lower: number, upper: number): boolean;
  /** Roles with no solid manager, in document order. */
  roots(): string[];
  /** The role and every role below it through lines of `kind`, breadth first. */
  subtree(roleId: string, kind?: LineFilter): string[];
}

/** Parallel lists: line i goes from reports[i] up to managers[i], as role positions. */
interface LineEnds {
  managers: number[];
  reports: number[];
}

/**
 * `roleAt` is the position of every role id in `document.roles`; pass it when the caller
 * already has it (the chart index does), so the map is built once.
 */
export function createReportingGraph(
  document: ChartDocument,
  roleAt: ReadonlyMap<string, number> = positionsOf(document),
): ReportingGraph {
  const roleIds = document.roles.map((role) => role.id);
  const size = roleIds.length;
  const ends: Record<LineKind, LineEnds> = {
    solid: { managers: [], reports: [] },
    dotted: { managers: [], reports: [] },
  };
  // An indexed loop: this runs once per document, often before the optimiser has seen
  // it, and `for…of` then allocates a step object per line.
  const lines = document.reportingLines;
  for (let i = 0; i < lines.length; i++) {
    const { manager, report, kind } = lines[i]!;
    const from = roleAt.get(report);
    const to = roleAt.get(manager);
    if (from === undefined || to === undefined) continue;
    ends[kind].reports.push(from);
    ends[kind].managers.push(to);
  }
  // A valid document never repeats a (manager, report, kind) line, so the lists of one
  // kind have no repeats and no check is needed: a membership test per line would make
  // a flat chart quadratic.
  const lineGraph = ({ managers, reports }: LineEnds): LineGraph => ({
    up: buildDigraph(size, reports, managers),
    down: buildDigraph(size, managers, reports),
  });
  const solid = lineGraph(ends.solid);
  const dotted = lineGraph(ends.dotted);
  let chainIndex: ChainIndex | undefined;

  const ids = (graph: Digraph, node: number) => {
    const out: string[] = [];
    for (let e = graph.offsets[node]!; e < graph.offsets[node + 1]!; e++)
      out.push(roleIds[graph.targets[e]!]!);
    return out;
  };
  const neighbours = (direction: "up" | "down", node: number, kind: LineFilter): string[] => {
    if (kind !== "any") return ids((kind === "solid" ? solid : dotted)[direction], node);
    const both = ids(solid[direction], node);
    const extra = ids(dotted[direction], node);
    if (extra.length === 0) return both;
    // A pair may be linked both solid and dotted: list it once.
    const seen = new Set(both);
    for (const id of extra) if (!seen.has(id)) both.push(id);
    return both;
  };
  const walk = (start: number, direction: "up" | "down", kind: LineFilter, withStart: boolean) => {
    const seen = new Uint8Array(size);
    seen[start] = 1;
    const queue = [start];
    const kinds = kind === "any" ? [solid, dotted] : [kind === "solid" ? solid : dotted];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const graph of kinds) {
        const { offsets, targets } = graph[direction];
        for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
          const next = targets[e]!;
          if (seen[next] === 1) continue;
          seen[next] = 1;
          queue.push(next);
        }
      }
    }
    return (withStart ? queue : queue.slice(1)).map((node) => roleIds[node]!);
  };
  const isInChainAt = (lower: number, upper: number) => {
    // Solid lines first, so the index's depth-first tree follows the solid hierarchy.
    chainIndex ??= buildChainIndex(
      size,
      [...ends.solid.managers, ...ends.dotted.managers],
      [...ends.solid.reports, ...ends.dotted.reports],
    );
    return chainIndex.isInChain(lower, upper);
  };

  return {
    roleIds,
    solid,
    dotted,
    hasRole: (roleId) => roleAt.has(roleId),
    indexOf: (roleId) => roleAt.get(roleId),
    managers(roleId, kind = "solid") {
      const node = roleAt.get(roleId);
      return node === undefined ? [] : neighbours("up", node, kind);
    },
    reports(roleId, kind = "solid") {
      const node = roleAt.get(roleId);
      return node === undefined ? [] : neighbours("down", node, kind);
    },
    chain(roleId) {
      const node = roleAt.get(roleId);
      return node === undefined ? [] : walk(node, "up", "any", false);
    },
    isInChain(lower, upper) {
      const from = roleAt.get(lower);
      const to = roleAt.get(upper);
      return from !== undefined && to !== undefined && isInChainAt(from, to);
    },
    isInChainAt,
    roots: () => roleIds.filter((_, node) => solid.up.offsets[node + 1] === solid.up.offsets[node]),
    subtree(roleId, kind = "solid") {
      const node = roleAt.get(roleId);
      return node === undefined ? [] : walk(node, "down", kind, true);
    },
  };
}

const positionsOf = (document: ChartDocument) =>
  new Map(document.roles.map(({ id }, position) => [id, position]));
