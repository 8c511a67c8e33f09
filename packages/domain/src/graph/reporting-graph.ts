import type { ChartDocument, LineKind } from "@rolemap/contract";
import { buildChainIndex, type ChainIndex } from "./chain-index";

export type LineFilter = LineKind | "any";

/**
 * The reporting lines of a chart as a graph, with the queries the rules, the editor and
 * the exports share. Built once per document in O(roles + lines); never mutates it.
 */
export interface ReportingGraph {
  /** Role ids in document order. */
  readonly roleIds: readonly string[];
  hasRole(roleId: string): boolean;
  /** Direct managers of a role (solid lines by default), in line order, without repeats. */
  managers(roleId: string, kind?: LineFilter): string[];
  /** Direct reports of a role (solid lines by default), in line order, without repeats. */
  reports(roleId: string, kind?: LineFilter): string[];
  /** Every role above this one through lines of either kind, nearest first. */
  chain(roleId: string): string[];
  /** Whether `upper` is in the chain of `lower`; O(1) for tree-shaped charts. */
  isInChain(lower: string, upper: string): boolean;
  /** Roles with no solid manager, in document order. */
  roots(): string[];
  /** The role and every role below it through lines of `kind`, breadth first. */
  subtree(roleId: string, kind?: LineFilter): string[];
}

type Adjacency = Map<string, Record<LineKind, string[]>>;

const add = (adjacency: Adjacency, from: string, to: string, kind: LineKind) => {
  const entry = adjacency.get(from);
  if (entry !== undefined && !entry[kind].includes(to)) entry[kind].push(to);
};

const pick = (entry: Record<LineKind, string[]> | undefined, kind: LineFilter): string[] => {
  if (entry === undefined) return [];
  if (kind !== "any") return [...entry[kind]];
  return [...new Set([...entry.solid, ...entry.dotted])];
};

export function createReportingGraph(document: ChartDocument): ReportingGraph {
  const roleIds = document.roles.map((role) => role.id);
  const up: Adjacency = new Map(roleIds.map((id) => [id, { solid: [], dotted: [] }]));
  const down: Adjacency = new Map(roleIds.map((id) => [id, { solid: [], dotted: [] }]));
  for (const { manager, report, kind } of document.reportingLines) {
    add(up, report, manager, kind);
    add(down, manager, report, kind);
  }
  let chainIndex: ChainIndex | undefined;
  const position = new Map(roleIds.map((id, i) => [id, i]));

  const walk = (start: string, adjacency: Adjacency, kind: LineFilter, includeStart: boolean) => {
    const seen = new Set([start]);
    const order = includeStart ? [start] : [];
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      for (const next of pick(adjacency.get(queue[head] as string), kind)) {
        if (seen.has(next)) continue;
        seen.add(next);
        order.push(next);
        queue.push(next);
      }
    }
    return order;
  };

  return {
    roleIds,
    hasRole: (roleId) => position.has(roleId),
    managers: (roleId, kind = "solid") => pick(up.get(roleId), kind),
    reports: (roleId, kind = "solid") => pick(down.get(roleId), kind),
    chain: (roleId) => (position.has(roleId) ? walk(roleId, up, "any", false) : []),
    isInChain(lower, upper) {
      const from = position.get(lower);
      const to = position.get(upper);
      if (from === undefined || to === undefined) return false;
      chainIndex ??= buildLineIndex(document, position);
      return chainIndex.isInChain(from, to);
    },
    roots: () => roleIds.filter((id) => up.get(id)?.solid.length === 0),
    subtree: (roleId, kind = "solid") =>
      position.has(roleId) ? walk(roleId, down, kind, true) : [],
  };
}

/** Solid lines first, so the index's depth-first tree follows the solid hierarchy. */
function buildLineIndex(document: ChartDocument, position: ReadonlyMap<string, number>) {
  const managers: number[] = [];
  const reports: number[] = [];
  for (const kind of ["solid", "dotted"] as const) {
    for (const line of document.reportingLines) {
      const manager = position.get(line.manager);
      const report = position.get(line.report);
      if (line.kind !== kind || manager === undefined || report === undefined) continue;
      managers.push(manager);
      reports.push(report);
    }
  }
  return buildChainIndex(position.size, managers, reports);
}
