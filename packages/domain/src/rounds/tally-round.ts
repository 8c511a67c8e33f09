import type { RaciCode, RoundCellResult, RoundRowResult } from "@rolemap/contract";
import { RACI_CODES } from "@rolemap/contract/constants";

/** One participant's codes for one cell, as the round keeps them. */
export interface RoundBallot {
  /** Who gave them (an account id, or a guest's key): one person, however many cells. */
  voter: string;
  role: string;
  responsibility: string;
  codes: readonly RaciCode[];
}

/** What a round asked and what people answered. */
export interface RoundTallyInput {
  /** The round's rows, in the order results are given. */
  responsibilities: readonly string[];
  /** The round's columns, in the order results are given. */
  roles: readonly string[];
  votes: readonly RoundBallot[];
}

export interface RoundTally {
  cells: RoundCellResult[];
  rows: RoundRowResult[];
}

/** A cell's codes as bits in RACI_CODES order, so "same codes" is one comparison. */
const CODE_BIT: Readonly<Record<RaciCode, number>> = { R: 1, A: 2, C: 4, I: 8, S: 16 };
const A_BIT = CODE_BIT.A;

/**
 * The reveal of a silent round: per cell anyone filled in, how many chose each code and
 * whether people disagree; per row, who people saw as accountable.
 *
 * Who counts on a row is who filled in anything on it: a cell such a person left empty is
 * their answer "no code", while someone who never touched the row is not asked about it.
 * A cell disagrees when two of them gave it different codes; a row disagrees when two of
 * them saw different accountables (the set of roles they marked A, none being one answer).
 * Votes outside the round's rows and roles, and empty ones, are ignored; a person's
 * several votes for one cell are merged. Pure: the same answer for any order of `votes`.
 */
export function tallyRound({ responsibilities, roles, votes }: RoundTallyInput): RoundTally {
  const rolePosition = new Map(roles.map((id, position) => [id, position]));
  const rowPosition = new Map(responsibilities.map((id, position) => [id, position]));
  // Per row, each voter's codes by role position: sparse, as a round may offer every role.
  const ballots = responsibilities.map(() => new Map<string, Map<number, number>>());
  for (const vote of votes) {
    const row = rowPosition.get(vote.responsibility);
    const column = rolePosition.get(vote.role);
    if (row === undefined || column === undefined) continue;
    const bits = codeBits(vote.codes);
    if (bits === 0) continue;
    const byVoter = ballots[row] as Map<string, Map<number, number>>;
    let cells = byVoter.get(vote.voter);
    if (cells === undefined) {
      cells = new Map();
      byVoter.set(vote.voter, cells);
    }
    cells.set(column, (cells.get(column) ?? 0) | bits);
  }

  const cells: RoundCellResult[] = [];
  const rows: RoundRowResult[] = [];
  responsibilities.forEach((responsibility, row) => {
    const voters = [...(ballots[row] as Map<string, Map<number, number>>).values()];
    const columns = [...new Set(voters.flatMap((cellsOf) => [...cellsOf.keys()]))].sort(
      (a, b) => a - b,
    );
    let disagreements = 0;
    const accountables: { role: string; votes: number }[] = [];
    for (const column of columns) {
      const role = roles[column] as string;
      const answers = voters.map((cellsOf) => cellsOf.get(column) ?? 0);
      const disagree = answers.some((bits) => bits !== answers[0]);
      if (disagree) disagreements += 1;
      const counts = countCodes(answers);
      cells.push({ role, responsibility, counts, disagree });
      if (counts.A > 0) accountables.push({ role, votes: counts.A });
    }
    // Most votes first; a stable sort keeps the round's role order among equals.
    accountables.sort((a, b) => b.votes - a.votes);
    const seen = voters.map(accountablesKey);
    rows.push({
      responsibility,
      voters: voters.length,
      accountables,
      disagree: seen.some((key) => key !== seen[0]),
      disagreements,
    });
  });
  return { cells, rows };
}

function codeBits(codes: readonly RaciCode[]): number {
  let bits = 0;
  for (const code of codes) bits |= CODE_BIT[code];
  return bits;
}

function countCodes(answers: readonly number[]): RoundCellResult["counts"] {
  const counts = { R: 0, A: 0, C: 0, I: 0, S: 0 };
  for (const bits of answers)
    for (const code of RACI_CODES) if ((bits & CODE_BIT[code]) !== 0) counts[code] += 1;
  return counts;
}

/** The role positions a voter marked A on a row, as one comparable key ("" for none). */
function accountablesKey(cellsOfVoter: ReadonlyMap<number, number>): string {
  const columns: number[] = [];
  for (const [column, bits] of cellsOfVoter) if ((bits & A_BIT) !== 0) columns.push(column);
  return columns.sort((a, b) => a - b).join(",");
}
