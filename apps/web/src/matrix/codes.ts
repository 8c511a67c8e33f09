import type { RaciCode } from "@rolemap/contract";

/**
 * The order codes are shown in a cell: the accountable role first, then who does the work,
 * then who is asked and who is told ("A/R", "R/S", "C/I").
 */
export const DISPLAY_ORDER: readonly RaciCode[] = ["A", "R", "S", "C", "I"];

export const CODE_NAMES: Readonly<Record<RaciCode, string>> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
  S: "Support",
};

/** What each code means, for menus and the legend. */
export const CODE_HINTS: Readonly<Record<RaciCode, string>> = {
  A: "owns the outcome; exactly one per row",
  R: "does the work",
  S: "helps the responsible roles",
  C: "asked before decisions",
  I: "told after decisions",
};

const RANK = new Map(DISPLAY_ORDER.map((code, rank) => [code, rank]));

/** The codes in display order, each once. Pure: the input is not changed. */
export function sortCodes(codes: Iterable<RaciCode>): RaciCode[] {
  return [...new Set(codes)].sort((a, b) => (RANK.get(a) ?? 0) - (RANK.get(b) ?? 0));
}

/** "A/R" for several codes, "" for none. */
export function formatCodes(codes: readonly RaciCode[]): string {
  return sortCodes(codes).join("/");
}

/** The code a typed key stands for (either case), or undefined. */
export function codeFromKey(key: string): RaciCode | undefined {
  const upper = key.length === 1 ? key.toUpperCase() : "";
  return (DISPLAY_ORDER as readonly string[]).includes(upper) ? (upper as RaciCode) : undefined;
}

/** Adds the code when absent, removes it when present. */
export function toggleCode(codes: readonly RaciCode[], code: RaciCode): RaciCode[] {
  return codes.includes(code)
    ? sortCodes(codes.filter((c) => c !== code))
    : sortCodes([...codes, code]);
}

/**
 * The accessible name of a cell: "<role title> – <responsibility name>: <codes or none>",
 * with an en dash between spaces and several codes as "A/R".
 */
export function describeCell(
  roleTitle: string,
  responsibilityName: string,
  codes: readonly RaciCode[],
): string {
  return `${roleTitle} – ${responsibilityName}: ${codes.length === 0 ? "none" : formatCodes(codes)}`;
}

const SMALL_WORDS = new Set(["of", "and", "for", "the", "&"]);

/**
 * What a narrow column header shows for a role title: "Chief Information Security Officer"
 * becomes "CISO" (how people say it); any other title stays as it is.
 */
export function shortTitle(title: string): string {
  const words = title.trim().split(/\s+/);
  if (
    words.length < 3 ||
    !/^chief$/i.test(words[0] ?? "") ||
    !/^officer$/i.test(words.at(-1) ?? "")
  )
    return title;
  return words
    .filter((word) => !SMALL_WORDS.has(word.toLowerCase()))
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
}
