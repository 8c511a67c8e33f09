/**
 * The words of a version's summary: parts like "moved CIO under CEO" or "3 matrix cells",
 * one per kind of change, in the order the batch first made them, cut to a line.
 */

/** Longest name a summary quotes; a longer one ends with "…". */
const NAME_LENGTH = 40;
/** Longest summary; the parts past it become "and N more changes". */
export const SUMMARY_LENGTH = 140;

/** A title or name on one line, shortened for a summary. */
export function shortName(text: string): string {
  const plain = text.replace(/\s+/g, " ").trim();
  const characters = Array.from(plain);
  if (characters.length <= NAME_LENGTH) return plain;
  return `${characters
    .slice(0, NAME_LENGTH - 1)
    .join("")
    .trimEnd()}…`;
}

/** How a kind of change reads when it happened to several subjects. */
export interface PartKind {
  /** "moved 4 roles", "3 matrix cells". */
  many: (count: number) => string;
  /** Two subjects by name ("added CISO and CDO") rather than a count. */
  two?: (first: string, second: string) => string;
}

interface Group {
  at: number;
  count: number;
  /** The words for the first subject, used when it is the only one. */
  one: string;
  names: string[];
}

export interface SummaryParts {
  /** One subject of a kind of change, first made by operation `at`. */
  add(kind: PartKind, at: number, one: string, name?: string): void;
  /** The summary: the parts in the order the batch made them, cut to a line. */
  text(): string;
}

export function createSummaryParts(): SummaryParts {
  const groups = new Map<PartKind, Group>();
  return {
    add(kind, at, one, name = one) {
      const group = groups.get(kind);
      if (group === undefined) groups.set(kind, { at, count: 1, one, names: [name] });
      else {
        group.at = Math.min(group.at, at);
        group.count += 1;
        group.names.push(name);
      }
    },
    text() {
      const parts = [...groups]
        .sort(([, a], [, b]) => a.at - b.at)
        .map(([kind, { count, one, names }]) => {
          if (count === 1) return one;
          const [first, second] = names;
          if (count === 2 && kind.two !== undefined && first !== undefined && second !== undefined)
            return kind.two(first, second);
          return kind.many(count);
        });
      return joinParts(parts);
    },
  };
}

const moreChanges = (count: number) => ` and ${count} more change${count === 1 ? "" : "s"}`;

/** The parts joined with "; ", or as many as fit with "and N more changes". */
export function joinParts(parts: readonly string[]): string {
  if (parts.length === 0) return "no change";
  const all = parts.join("; ");
  if (all.length <= SUMMARY_LENGTH) return all;
  // The first part always stays: names are short, so it fits with the tail.
  let text = (parts[0] ?? "") + moreChanges(parts.length - 1);
  for (let kept = 2; kept < parts.length; kept++) {
    const longer = parts.slice(0, kept).join("; ") + moreChanges(parts.length - kept);
    if (longer.length > SUMMARY_LENGTH) break;
    text = longer;
  }
  return text;
}
