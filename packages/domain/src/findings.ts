import type { Finding, RuleId } from "@rolemap/contract";
import { RULES, SEVERITIES } from "@rolemap/contract/constants";

/**
 * Builds a finding with the rule's contract category and severity. It takes the id lists
 * it is given and sorts them in place: callers pass lists made for the finding, and a
 * chart's thousands of findings then cost no copies.
 */
export function makeFinding(
  rule: RuleId,
  roles: string[],
  responsibilities: string[],
  message: string,
): Finding {
  const { category, severity } = RULES[rule];
  return {
    rule,
    category,
    severity,
    roles: sortUnique(roles),
    responsibilities: sortUnique(responsibilities),
    message,
  };
}

/** Plain string order (UTF-16 code units), as the contract requires: not locale order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lists up to this long are sorted in place by insertion: `Array.prototype.sort` sets up
 * about a kilobyte of work space per call, and a chart's findings make thousands of
 * short lists, so the garbage it left was most of the validator's collection time.
 */
const SHORT_LIST = 24;

function insertionSort(list: string[]): void {
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as string;
    let j = i - 1;
    while (j >= 0 && (list[j] as string) > item) {
      list[j + 1] = list[j] as string;
      j--;
    }
    list[j + 1] = item;
  }
}

/** Sorted and without repeats, as a new list. */
export function sortIds(ids: Iterable<string>): string[] {
  return sortUnique(Array.from(ids));
}

/** Sorts the list in place and drops repeats; returns it. */
function sortUnique(list: string[]): string[] {
  // Most findings name one role or one responsibility: nothing to do for those.
  if (list.length < 2) return list;
  if (list.length <= SHORT_LIST) insertionSort(list);
  else list.sort(compareIds);
  let kept = 1;
  for (let i = 1; i < list.length; i++) {
    if (list[i] !== list[kept - 1]) list[kept++] = list[i] as string;
  }
  list.length = kept;
  return list;
}

const severityRank: Readonly<Record<string, number>> = Object.fromEntries(
  SEVERITIES.map((severity, rank) => [severity, rank]),
);

const compareLists = (a: readonly string[], b: readonly string[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareIds(a[i] as string, b[i] as string);
    if (order !== 0) return order;
  }
  return a.length - b.length;
};

/**
 * The contract's order: severity, rule id, first responsibility id, first role id. The
 * whole lists and the message break remaining ties, so the order is total and the output
 * never depends on the input's order.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (severityRank[a.severity] ?? 0) - (severityRank[b.severity] ?? 0) ||
    compareIds(a.rule, b.rule) ||
    compareIds(a.responsibilities[0] ?? "", b.responsibilities[0] ?? "") ||
    compareIds(a.roles[0] ?? "", b.roles[0] ?? "") ||
    compareLists(a.responsibilities, b.responsibilities) ||
    compareLists(a.roles, b.roles) ||
    compareIds(a.message, b.message)
  );
}

/** "CIO, CTO and CISO"-style lists are hard to scan when long: name the first few. */
export function listNames(names: readonly string[], limit = 8): string {
  if (names.length <= limit) return names.join(", ");
  return `${names.slice(0, limit).join(", ")} and ${names.length - limit} more`;
}

/**
 * `listNames` of the labels of role ids in id order, labelling only the few that are
 * named: a responsibility with 40 consulted roles costs 8 labels, not 40.
 */
export function listLabels(
  ids: Iterable<string>,
  label: (id: string) => string,
  limit = 8,
): string {
  const sorted = sortIds(ids);
  const names = (sorted.length <= limit ? sorted : sorted.slice(0, limit)).map(label).join(", ");
  return sorted.length <= limit ? names : `${names} and ${sorted.length - limit} more`;
}
