import type { Position } from "@rolemap/contract";
import { type HierarchyPointNode, hierarchy, tree } from "d3-hierarchy";
import { buildLayoutForest, type LayoutForest, type LayoutInput } from "./layout-forest";

/**
 * Tidy tree layout of a chart's solid hierarchy (Reingold–Tilford in Buchheim's linear-time
 * form, from d3-hierarchy). Pure: it reads the document and returns positions; it never
 * reads editor state or changes its input.
 *
 * Positions are the TOP-LEFT corners of cards of `nodeWidth` × `nodeHeight`, one row per
 * level of the forest (see `layout-forest.ts` for how several managers and cycles are
 * resolved), trees side by side in document order of their roots.
 */
export interface LayoutOptions {
  nodeWidth?: number;
  nodeHeight?: number;
  /** Space between two cards of the same level with the same manager. */
  horizontalGap?: number;
  /** Space between the bottom of a card and the top of the cards of the next level. */
  verticalGap?: number;
  /**
   * Compact org-chart style: when a manager has at least this many reports and none of
   * them has visible reports of its own, they are stacked in one column below it instead
   * of spread over a row. Their left edges are `stackIndent` right of the manager's centre
   * line (a connector runs down that line and into each card's side), `stackGap` apart.
   * 0 (the default) never stacks.
   */
  stackLeaves?: number;
  stackIndent?: number;
  stackGap?: number;
  /**
   * Roles whose reports are hidden. The visible cards are laid out compactly; each hidden
   * subtree gets a tidy layout of its own under its collapsed role, so expanding it shows
   * a tree (it may overlap neighbours until the next layout).
   */
  collapsed?: Iterable<string>;
  /**
   * "document": children in the order of the document's roles (linear time).
   * "position": children left to right by their current x (roles without a position last,
   * in document order), so a layout keeps the arrangement a person made. O(n log n).
   */
  childOrder?: "document" | "position";
  /** Where the top-left card of the visible layout goes. */
  origin?: Position;
}

export const DEFAULT_LAYOUT_OPTIONS = {
  nodeWidth: 240,
  nodeHeight: 112,
  horizontalGap: 32,
  verticalGap: 72,
  stackLeaves: 0,
  stackIndent: 20,
  stackGap: 20,
} as const;

/**
 * The layout of the editor's canvas: its card size, and reports stacked from three on.
 * Anything that stores positions for the editor (templates, imports) should use these.
 */
export const EDITOR_LAYOUT_OPTIONS = {
  nodeWidth: 248,
  nodeHeight: 124,
  horizontalGap: 32,
  verticalGap: 80,
  stackLeaves: 3,
  stackIndent: 20,
  stackGap: 20,
} as const satisfies LayoutOptions;

/** Extra space between neighbours with different managers, and between separate trees. */
const COUSIN_SEPARATION = 1.2;
const TREE_SEPARATION = 1.5;

/** A node of the layout: a role index, or VIRTUAL_ROOT holding the roots of the forest. */
const VIRTUAL_ROOT = -1;

export function layoutChart(
  document: LayoutInput,
  options: LayoutOptions = {},
): Map<string, Position> {
  return layoutForest(document, buildLayoutForest(document), options);
}

/** As `layoutChart`, for a caller that already built the forest. */
export function layoutForest(
  document: LayoutInput,
  forest: LayoutForest,
  options: LayoutOptions = {},
): Map<string, Position> {
  const o = { ...DEFAULT_LAYOUT_OPTIONS, ...definedOnly(options) };
  const dx = o.nodeWidth + o.horizontalGap;
  const dy = o.nodeHeight + o.verticalGap;
  const origin = options.origin ?? { x: 0, y: 0 };
  const count = forest.ids.length;

  const collapsed = new Uint8Array(count);
  for (const id of options.collapsed ?? []) {
    const index = forest.indexOf.get(id);
    if (index !== undefined) collapsed[index] = 1;
  }
  const children =
    options.childOrder === "position" ? childrenByPosition(document, forest) : forest.children;
  const visibleChildren = (index: number, top: number) =>
    index !== top && collapsed[index] === 1 ? [] : (children[index] ?? []);

  // A stack is drawn as a chain (manager → first report → second report → …): the tidy
  // tree then keeps one column free for it, level by level. `stackNext` links the chain.
  const stackNext = new Int32Array(count).fill(-1);
  const stackHead = new Int32Array(count).fill(-1);
  const isStacked = new Uint8Array(count);
  const stacksUnder = (index: number, top: number): boolean => {
    const list = visibleChildren(index, top);
    if (o.stackLeaves <= 0 || list.length < o.stackLeaves) return false;
    return list.every((child) => visibleChildren(child, top).length === 0);
  };

  /** Extra separation when the LEFT neighbour is a stacked card (it sticks out to the right). */
  const stackOverhang = (o.nodeWidth / 2 + o.stackIndent) / dx;
  const order = new Int32Array(count);

  const layout = tree<number>()
    .nodeSize([dx, dy])
    .separation((a, b) => {
      const left = (order[a.data] ?? 0) < (order[b.data] ?? 0) ? a : b;
      const base =
        a.parent !== b.parent
          ? COUSIN_SEPARATION
          : a.parent?.data === VIRTUAL_ROOT
            ? TREE_SEPARATION
            : 1;
      return base + (left.data !== VIRTUAL_ROOT && isStacked[left.data] === 1 ? stackOverhang : 0);
    });

  /** Tidy layout of the tree under `top`, stopping below collapsed roles other than `top`. */
  const layoutFrom = (top: number) => {
    const root = hierarchy(top, (index): readonly number[] | null => {
      if (index === VIRTUAL_ROOT) return forest.roots;
      // The top of a hidden subtree may sit in a stack of the visible layout: here it
      // is the root, and its own reports are what counts.
      if (index !== top && isStacked[index] === 1) {
        const next = stackNext[index] ?? -1;
        return next === -1 ? null : [next];
      }
      if (stacksUnder(index, top)) {
        const list = visibleChildren(index, top);
        for (let k = 0; k < list.length; k++) {
          const child = list[k] ?? 0;
          isStacked[child] = 1;
          stackHead[child] = index;
          stackNext[child] = list[k + 1] ?? -1;
        }
        return [list[0] ?? 0];
      }
      const list = visibleChildren(index, top);
      return list.length === 0 ? null : list;
    });
    let k = 0;
    root.eachBefore((node) => {
      if (node.data !== VIRTUAL_ROOT) order[node.data] = k++;
    });
    return layout(root);
  };

  /** Top-left corners relative to the layout's own frame (d3 gives centres and depths). */
  const place = (root: HierarchyPointNode<number>) => {
    const local = new Map<number, Position>();
    root.eachBefore((node) => {
      const index = node.data;
      if (index === VIRTUAL_ROOT) return;
      const head = stackHead[index] ?? -1;
      const manager = head === -1 ? undefined : local.get(head);
      if (isStacked[index] === 1 && manager !== undefined) {
        const above = node.parent?.data;
        const previous = above === undefined || above === head ? undefined : local.get(above);
        local.set(index, {
          x: manager.x + o.nodeWidth / 2 + o.stackIndent,
          y:
            (previous ?? manager).y +
            o.nodeHeight +
            (previous === undefined ? o.verticalGap : o.stackGap),
        });
      } else local.set(index, { x: node.x - o.nodeWidth / 2, y: node.depth * dy });
    });
    return local;
  };

  const positions = new Map<string, Position>();
  const visible = place(layoutFrom(VIRTUAL_ROOT));
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  for (const { x, y } of visible.values()) {
    left = Math.min(left, x);
    top = Math.min(top, y);
  }
  const hiddenRoots: number[] = [];
  for (const [index, { x, y }] of visible) {
    positions.set(forest.ids[index] ?? "", { x: origin.x + x - left, y: origin.y + y - top });
    if (collapsed[index] === 1 && (children[index]?.length ?? 0) > 0) hiddenRoots.push(index);
  }

  // Each hidden subtree hangs under its collapsed role, laid out on its own. Nested
  // collapsed roles inside it are handled the same way in turn; every role is laid out once.
  while (hiddenRoots.length > 0) {
    const hiddenTop = hiddenRoots.pop() ?? 0;
    const anchor = positions.get(forest.ids[hiddenTop] ?? "");
    if (anchor === undefined) continue;
    const local = place(layoutFrom(hiddenTop));
    const base = local.get(hiddenTop) ?? { x: 0, y: 0 };
    for (const [index, { x, y }] of local) {
      if (index === hiddenTop) continue;
      positions.set(forest.ids[index] ?? "", {
        x: anchor.x + x - base.x,
        y: anchor.y + y - base.y,
      });
      if (collapsed[index] === 1 && (children[index]?.length ?? 0) > 0) hiddenRoots.push(index);
    }
  }
  return positions;
}

function definedOnly(options: LayoutOptions): Partial<typeof DEFAULT_LAYOUT_OPTIONS> {
  const result: Record<string, number> = {};
  for (const key of Object.keys(
    DEFAULT_LAYOUT_OPTIONS,
  ) as (keyof typeof DEFAULT_LAYOUT_OPTIONS)[]) {
    const value = options[key];
    if (typeof value === "number" && Number.isFinite(value)) result[key] = value;
  }
  return result;
}

function childrenByPosition(document: LayoutInput, forest: LayoutForest): number[][] {
  const xOf = document.roles.map((role) => role.position?.x ?? Number.POSITIVE_INFINITY);
  return forest.children.map((list) =>
    list.length < 2
      ? [...list]
      : // Array.prototype.sort is stable: equal x (or no position) keeps document order.
        [...list].sort((a, b) => (xOf[a] ?? 0) - (xOf[b] ?? 0) || a - b),
  );
}
