import type { RaciCode } from "@rolemap/contract";

/**
 * The order codes are written in a cell, as the editor shows them: who answers for the
 * work, who does it, who helps, then who is asked and who is told ("A/R", "R/S", "C/I").
 */
export const CODE_ORDER: readonly RaciCode[] = ["A", "R", "S", "C", "I"];

const WORDS: Record<string, RaciCode> = {
  responsible: "R",
  accountable: "A",
  consulted: "C",
  informed: "I",
  support: "S",
  supports: "S",
  supportive: "S",
};

/** Between codes: "A/R", "A, R", "A;R", "A+R", "A & R", "A R". */
const SEPARATORS = /[\s/,;+&|]+/;
/** A cell spreadsheets use for "nothing here". */
const DASHES = /^[-–—.]+$/;

/**
 * The codes of one matrix cell in `CODE_ORDER`, or null when the cell holds something
 * else. Case does not matter; codes may be run together ("AR"), separated or written out
 * ("Accountable"); a repeated code counts once; an empty cell or a lone dash means none.
 */
export function parseRaciCell(text: string): RaciCode[] | null {
  const trimmed = text.trim();
  if (trimmed === "" || DASHES.test(trimmed)) return [];
  const codes = new Set<RaciCode>();
  for (const token of trimmed.toLowerCase().split(SEPARATORS)) {
    if (token === "") continue;
    const word = WORDS[token];
    if (word !== undefined) {
      codes.add(word);
      continue;
    }
    if (!/^[racis]+$/.test(token)) return null;
    for (const letter of token.toUpperCase()) codes.add(letter as RaciCode);
  }
  return CODE_ORDER.filter((code) => codes.has(code));
}

/** "A/R" for several codes, "" for none. */
export function formatRaciCell(codes: Iterable<RaciCode>): string {
  const present = new Set(codes);
  return CODE_ORDER.filter((code) => present.has(code)).join("/");
}
