import { type LayoutForest, subtreeSizes } from "@rolemap/domain";

/**
 * Which parts of the reporting tree get a slide of their own after the overview: a deck
 * shows a large chart branch by branch, each small enough to read. Role numbers are
 * positions in the document (the forest's numbering).
 */
export interface Branch {
  /** The manager at the top of the slide (-1: several top-level roles side by side). */
  head: number;
  /** Every role on the slide, the head first, in tree order. */
  roles: number[];
  /** 1-based part and count when the head's reports are spread over several slides. */
  part: number;
  parts: number;
}

/** Cards on a branch slide: at 40 (stacks of leaves included) a card's text stays readable. */
export const BRANCH_ROLES = 40;
/** A deck of more branch slides than this gets fewer, larger branches instead. */
export const MAX_BRANCH_SLIDES = 60;

/**
 * Greedy, top-down: a subtree that fits is one slide. A larger one gets its head with the
 * direct reports (the map of that branch), then its reports' subtrees packed in order
 * onto slides under the same head, consecutive small ones sharing a slide, large ones
 * planned the same way in turn. A 1,000-role tree gives tens of slides, not one per role;
 * when a chart would need more than MAX_BRANCH_SLIDES, slides hold twice as many roles
 * (and so on), so the deck stays a deck. O(roles × depth) per attempt.
 */
export function planBranches(forest: LayoutForest): Branch[] {
  if (forest.ids.length <= 1) return [];
  const below = subtreeSizes(forest);
  for (let limit = BRANCH_ROLES; ; limit *= 2) {
    const plan = planWithLimit(forest, below, limit);
    if (plan.length <= MAX_BRANCH_SLIDES || limit >= forest.ids.length) return plan;
  }
}

/** Depth-first, children in document order: the roles of `starts`' subtrees. */
function treeOrder(forest: LayoutForest, starts: readonly number[]): number[] {
  const order: number[] = [];
  const stack = [...starts].reverse();
  while (stack.length > 0) {
    const role = stack.pop() as number;
    order.push(role);
    const children = forest.children[role] ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as number);
  }
  return order;
}

function planWithLimit(forest: LayoutForest, below: Int32Array, limit: number): Branch[] {
  const plan: Branch[] = [];
  const size = (role: number) => (below[role] ?? 0) + 1;
  const branch = (head: number, roles: number[]): Branch => ({ head, roles, part: 1, parts: 1 });

  /** `members` (a head's reports, or the top-level roles) over as few slides as they fit. */
  const split = (head: number, members: readonly number[]) => {
    const top = head < 0 ? [] : [head];
    const capacity = limit - top.length;
    const groups: number[][] = [];
    const deeper: number[] = [];
    let group: number[] = [];
    let used = 0;
    for (const member of members) {
      const fits = size(member) <= capacity;
      if (group.length > 0 && (!fits || used + size(member) > capacity)) {
        groups.push(group);
        group = [];
        used = 0;
      }
      if (!fits) deeper.push(member);
      else {
        group.push(member);
        used += size(member);
      }
    }
    if (group.length > 0) groups.push(group);
    const first = plan.length;
    // The map of the branch (head and reports) when its parts spread over several slides,
    // or when no slide of its own would show the head (its one report has a large branch).
    if (head >= 0 && (groups.length + deeper.length > 1 || groups.length === 0))
      for (let start = 0; start < members.length; start += capacity)
        plan.push(branch(head, [...top, ...members.slice(start, start + capacity)]));
    for (const members of groups) plan.push(branch(head, [...top, ...treeOrder(forest, members)]));
    number(plan, first);
    for (const member of deeper) split(member, forest.children[member] ?? []);
  };

  const total = forest.roots.reduce((sum, root) => sum + size(root), 0);
  // A chart that fits one slide is the overview already.
  if (total <= limit) return [];
  if (forest.roots.length === 1) {
    const root = forest.roots[0] as number;
    split(root, forest.children[root] ?? []);
  } else split(-1, forest.roots);
  return plan;
}

/** Parts of one head's slides, numbered 1..n in the order they were planned. */
function number(plan: Branch[], from: number) {
  const parts = plan.length - from;
  for (let i = from; i < plan.length; i++) {
    const branch = plan[i] as Branch;
    branch.part = i - from + 1;
    branch.parts = parts;
  }
}
