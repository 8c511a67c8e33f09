import type { ChartDocument } from "@rolemap/contract";

/**
 * The solid hierarchy of a chart as a forest: every role has at most one *tree parent*, so
 * a layout can draw it as side-by-side trees. Charts are not always trees, so:
 * - a role with several solid managers hangs under the first of them in line order (the
 *   other lines are still drawn, the layout just does not follow them);
 * - a cycle of solid lines is cut at its member that comes first in the document's roles,
 *   which becomes a root. The choice depends only on the document, never on visiting order.
 * Dotted lines never shape the forest. Built in O(roles + lines); reads the document only.
 */
export interface LayoutForest {
  /** Role ids in document order; every index below refers to this list. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Tree parent of each role, -1 for a root. */
  readonly parent: Int32Array;
  /** Tree children of each role, in document order. */
  readonly children: readonly (readonly number[])[];
  /** Roles without a tree parent, in document order. */
  readonly roots: readonly number[];
}

const UNSEEN = 0;
const ON_PATH = 1;
const DONE = 2;

/** The part of a chart the layout reads. */
export type LayoutInput = Pick<ChartDocument, "roles" | "reportingLines">;

export function buildLayoutForest(document: LayoutInput): LayoutForest {
  const ids = document.roles.map((role) => role.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const parent = new Int32Array(ids.length).fill(-1);

  for (const { manager, report, kind } of document.reportingLines) {
    if (kind !== "solid") continue;
    const m = indexOf.get(manager);
    const r = indexOf.get(report);
    if (m === undefined || r === undefined || m === r || parent[r] !== -1) continue;
    parent[r] = m;
  }

  breakCycles(parent);

  const children: number[][] = ids.map(() => []);
  const roots: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const p = parent[i] ?? -1;
    if (p === -1) roots.push(i);
    else children[p]?.push(i);
  }
  return { ids, indexOf, parent, children, roots };
}

/**
 * With one parent per node the graph is functional: each cycle is a simple loop and no two
 * share a node. Walk up from every unseen node; a walk that meets its own path has found a
 * loop, which is cut at its smallest index. Every node is walked once: O(n).
 */
function breakCycles(parent: Int32Array): void {
  const state = new Uint8Array(parent.length);
  const path: number[] = [];
  for (let start = 0; start < parent.length; start++) {
    if (state[start] !== UNSEEN) continue;
    path.length = 0;
    let node = start;
    while (node !== -1 && state[node] === UNSEEN) {
      state[node] = ON_PATH;
      path.push(node);
      node = parent[node] ?? -1;
    }
    if (node !== -1 && state[node] === ON_PATH) {
      let smallest = node;
      for (let k = path.lastIndexOf(node); k < path.length; k++)
        smallest = Math.min(smallest, path[k] ?? smallest);
      parent[smallest] = -1;
    }
    for (const visited of path) state[visited] = DONE;
  }
}

/** The tree parent of a role (null for a root or an unknown id). */
export function treeParentOf(forest: LayoutForest, roleId: string): string | null {
  const index = forest.indexOf.get(roleId);
  if (index === undefined) return null;
  const p = forest.parent[index] ?? -1;
  return p === -1 ? null : (forest.ids[p] ?? null);
}

/** Tree ancestors of a role, nearest first. */
export function treeAncestorsOf(forest: LayoutForest, roleId: string): string[] {
  const ancestors: string[] = [];
  const start = forest.indexOf.get(roleId);
  let index = start === undefined ? -1 : (forest.parent[start] ?? -1);
  while (index !== -1) {
    ancestors.push(forest.ids[index] ?? "");
    index = forest.parent[index] ?? -1;
  }
  return ancestors;
}

/** Every role below `roleId` in the forest (not the role itself), depth first. */
export function treeDescendantsOf(forest: LayoutForest, roleId: string): string[] {
  const start = forest.indexOf.get(roleId);
  if (start === undefined) return [];
  const found: string[] = [];
  const stack = [...(forest.children[start] ?? [])];
  while (stack.length > 0) {
    const index = stack.pop() ?? 0;
    found.push(forest.ids[index] ?? "");
    for (const child of forest.children[index] ?? []) stack.push(child);
  }
  return found;
}

/**
 * Roles hidden because a tree ancestor is collapsed. The collapsed roles themselves stay
 * visible (they show a "+N" badge). O(roles).
 */
export function hiddenRoleIds(forest: LayoutForest, collapsed: ReadonlySet<string>): Set<string> {
  const hidden = new Set<string>();
  if (collapsed.size === 0) return hidden;
  const stack: number[] = [];
  for (const id of collapsed) {
    const index = forest.indexOf.get(id);
    if (index === undefined) continue;
    for (const child of forest.children[index] ?? []) stack.push(child);
  }
  while (stack.length > 0) {
    const index = stack.pop() ?? 0;
    const id = forest.ids[index] ?? "";
    if (hidden.has(id)) continue;
    hidden.add(id);
    for (const child of forest.children[index] ?? []) stack.push(child);
  }
  return hidden;
}

/** Number of roles below each role in the forest (index-aligned with `forest.ids`). O(roles). */
export function subtreeSizes(forest: LayoutForest): Int32Array {
  const sizes = new Int32Array(forest.ids.length);
  // Post-order without recursion: a reverse pre-order visits children before parents.
  const order: number[] = [];
  const stack = [...forest.roots];
  while (stack.length > 0) {
    const index = stack.pop() ?? 0;
    order.push(index);
    for (const child of forest.children[index] ?? []) stack.push(child);
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const index = order[k] ?? 0;
    const p = forest.parent[index] ?? -1;
    if (p !== -1) sizes[p] = (sizes[p] ?? 0) + (sizes[index] ?? 0) + 1;
  }
  return sizes;
}
