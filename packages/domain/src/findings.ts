import type { Finding, RuleId } from "@rolemap/contract";
import { RULES, SEVERITIES } from "@rolemap/contract/constants";

/** Builds a finding with the rule's contract category and severity and sorted id lists. */
export function makeFinding(
  rule: RuleId,
  roles: Iterable<string>,
  responsibilities: Iterable<string>,
  message: string,
): Finding {
  const { category, severity } = RULES[rule];
  return {
    rule,
    category,
    severity,
    roles: sortIds(roles),
    responsibilities: sortIds(responsibilities),
    message,
  };
}

/** Plain string order (UTF-16 code units), as the contract requires: not locale order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted and without repeats. */
export function sortIds(ids: Iterable<string>): string[] {
  // Most findings name one role or one responsibility: no iterator, no sort for those.
  const sorted = Array.isArray(ids) ? ids.slice() : Array.from(ids);
  if (sorted.length < 2) return sorted;
  sorted.sort(compareIds);
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i] as string;
  }
  sorted.length = kept;
  return sorted;
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
