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
  /** Roles with no solid manager, in document order. */
  roots(): string[];
  /** The role and every role below it through lines of `kind`, breadth first. */
  subtree(roleId: string, kind?: LineFilter): string[];
}

/** Lines by role id, one map per kind; a role without lines of a kind has no entry. */
type Adjacency = Record<LineKind, Map<string, string[]>>;

const NONE: readonly string[] = Object.freeze([]);

// A valid document never repeats a (manager, report, kind) line, so no check here: a
// membership test per insert would make a flat chart quadratic.
const add = (adjacency: Adjacency, from: string, to: string, kind: LineKind) => {
  const list = adjacency[kind].get(from);
  if (list === undefined) adjacency[kind].set(from, [to]);
  else list.push(to);
};

const pick = (adjacency: Adjacency, roleId: string, kind: LineFilter): readonly string[] => {
  if (kind !== "any") return adjacency[kind].get(roleId) ?? NONE;
  const solid = adjacency.solid.get(roleId) ?? NONE;
  const dotted = adjacency.dotted.get(roleId) ?? NONE;
  if (dotted.length === 0) return solid;
  if (solid.length === 0) return dotted;
  return [...new Set([...solid, ...dotted])];
};

export function createReportingGraph(document: ChartDocument): ReportingGraph {
  const roleIds = document.roles.map((role) => role.id);
  const position = new Map(roleIds.map((id, i) => [id, i]));
  const up: Adjacency = { solid: new Map(), dotted: new Map() };
  const down: Adjacency = { solid: new Map(), dotted: new Map() };
  for (const { manager, report, kind } of document.reportingLines) {
    if (!position.has(manager) || !position.has(report)) continue;
    add(up, report, manager, kind);
    add(down, manager, report, kind);
  }
  let chainIndex: ChainIndex | undefined;

  const walk = (start: string, adjacency: Adjacency, kind: LineFilter, includeStart: boolean) => {
    const seen = new Set([start]);
    const order = includeStart ? [start] : [];
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      for (const next of pick(adjacency, queue[head] as string, kind)) {
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
    indexOf: (roleId) => position.get(roleId),
    managers: (roleId, kind = "solid") => pick(up, roleId, kind),
    reports: (roleId, kind = "solid") => pick(down, roleId, kind),
    chain: (roleId) => (position.has(roleId) ? walk(roleId, up, "any", false) : []),
    isInChain(lower, upper) {
      const from = position.get(lower);
      const to = position.get(upper);
      if (from === undefined || to === undefined) return false;
      chainIndex ??= buildLineIndex(document, position);
      return chainIndex.isInChain(from, to);
    },
    roots: () => roleIds.filter((id) => !up.solid.has(id)),
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
