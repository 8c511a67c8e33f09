import type { ImportProblem } from "@rolemap/contract";
import { LIMITS } from "@rolemap/contract/constants";

export const DEFAULT_CHART_NAME = "Imported chart";

/**
 * Length in characters (code points), as the contract's schemas count every limit, so an
 * accepted value always parses. A code point is one or two UTF-16 units, so only text
 * longer in units than the limit needs counting.
 */
function characters(value: string, limit: number): number {
  return value.length <= limit ? value.length : [...value].length;
}

/** Reports a value longer than the chart format allows. */
export function checkLength(
  value: string,
  limit: number,
  what: string,
  where: { line: number | null; column: string | null },
  problems: ImportProblem[],
): void {
  const length = characters(value, limit);
  if (length > limit)
    problems.push({ ...where, message: `${what} has ${length} characters; at most ${limit}` });
}

/** The chart name from the options: trimmed, the default when blank, a problem when too long. */
export function chartName(name: string | undefined, problems: ImportProblem[]): string {
  const trimmed = name?.trim() ?? "";
  if (trimmed === "") return DEFAULT_CHART_NAME;
  checkLength(trimmed, LIMITS.nameLength, "the chart name", { line: null, column: null }, problems);
  return trimmed;
}
