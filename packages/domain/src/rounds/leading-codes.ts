import type { RaciCode } from "@rolemap/contract";
import { RACI_CODES } from "@rolemap/contract/constants";
import type { RoundTally } from "./tally-round";

/** Per row, per role: the codes a revealed round leads to (cells without any are absent). */
export type LeadingCodes = Map<string, Map<string, RaciCode[]>>;

/**
 * What adopting a round's result sets, per cell: each of R, C, I and S that more than half
 * of the row's voters chose, and A only on the role most of them saw as accountable — one
 * role per row, none when two tie at the top (a tie is the conversation, not a result).
 * A cell of the round absent from the answer leads to no code. Pure.
 */
export function leadingCodesOf({ cells, rows }: RoundTally): LeadingCodes {
  const accountableOf = new Map<string, string | null>();
  const votersOf = new Map<string, number>();
  for (const row of rows) {
    votersOf.set(row.responsibility, row.voters);
    const [first, second] = row.accountables;
    const unique = first !== undefined && (second === undefined || first.votes > second.votes);
    accountableOf.set(row.responsibility, unique ? first.role : null);
  }
  const leading: LeadingCodes = new Map();
  for (const cell of cells) {
    const voters = votersOf.get(cell.responsibility) ?? 0;
    const codes = RACI_CODES.filter((code) =>
      code === "A"
        ? accountableOf.get(cell.responsibility) === cell.role
        : cell.counts[code] * 2 > voters,
    );
    if (codes.length === 0) continue;
    let row = leading.get(cell.responsibility);
    if (row === undefined) {
      row = new Map();
      leading.set(cell.responsibility, row);
    }
    row.set(cell.role, codes);
  }
  return leading;
}
