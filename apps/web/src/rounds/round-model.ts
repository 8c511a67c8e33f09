import type {
  ChartDocument,
  Operation,
  RaciCode,
  Round,
  RoundCellResult,
  RoundRowResult,
  RoundVote,
} from "@rolemap/contract";
import type { LeadingCodes } from "@rolemap/domain";
import { cellOperations } from "../matrix/cell-operations";
import { DISPLAY_ORDER, formatCodes, sortCodes } from "../matrix/codes";
import { cellKey } from "../matrix/matrix-model";

/** My codes in a round by `cellKey(role, responsibility)`; an empty cell is absent. */
export type MyVotes = ReadonlyMap<string, RoundVote>;

export function votesByCell(votes: readonly RoundVote[]): MyVotes {
  return new Map(
    votes
      .filter((vote) => vote.codes.length > 0)
      .map((vote) => [cellKey(vote.role, vote.responsibility), vote]),
  );
}

/** My votes with one cell set to `codes` (none: the cell is dropped). Pure. */
export function withCodes(
  votes: MyVotes,
  role: string,
  responsibility: string,
  codes: readonly RaciCode[],
): MyVotes {
  const next = new Map(votes);
  const key = cellKey(role, responsibility);
  if (codes.length === 0) next.delete(key);
  else next.set(key, { role, responsibility, codes: sortCodes(codes) });
  return next;
}

/**
 * The round the matrix shows: the open one, else the newest if it is revealed and this
 * person has not put it away. Rounds come newest first.
 */
export function currentRound(
  rounds: readonly Round[],
  dismissed: ReadonlySet<string>,
): Round | null {
  const open = rounds.find((round) => round.status === "open");
  if (open !== undefined) return open;
  const newest = rounds[0];
  return newest !== undefined && !dismissed.has(newest.id) ? newest : null;
}

/** Whether a cell is one the round asks about. */
export const isRoundCell = (round: Round, role: string, responsibility: string) =>
  round.roles.includes(role) && round.responsibilities.includes(responsibility);

/** "A 3 · R 1": how many chose each code, in display order, codes no one chose left out. */
export function formatCounts(counts: RoundCellResult["counts"]): string {
  return DISPLAY_ORDER.filter((code) => counts[code] > 0)
    .map((code) => `${code} ${counts[code]}`)
    .join(" · ");
}

/** What a screen reader hears after a cell's codes: "round: A 3, R 1; people disagree". */
export function describeResult(result: RoundCellResult): string {
  const counts = formatCounts(result.counts).replaceAll(" · ", ", ");
  return `round: ${counts}${result.disagree ? "; people disagree" : ""}`;
}

/** A revealed round's results, found by cell and by row. */
export interface ResultsIndex {
  cell(role: string, responsibility: string): RoundCellResult | undefined;
  row(responsibility: string): RoundRowResult | undefined;
}

export function indexResults(results: NonNullable<Round["results"]>): ResultsIndex {
  const cells = new Map(results.cells.map((c) => [cellKey(c.role, c.responsibility), c]));
  const rows = new Map(results.rows.map((r) => [r.responsibility, r]));
  return {
    cell: (role, responsibility) => cells.get(cellKey(role, responsibility)),
    row: (responsibility) => rows.get(responsibility),
  };
}

/** One row of the results as the panel lists it, with names from the chart. */
export interface RowSummary {
  id: string;
  name: string;
  voters: number;
  /** "CIO 3 · CTO 1". */
  accountables: string;
  /** Two people saw different accountables: on the agenda. */
  disagree: boolean;
  disagreements: number;
  /** What adopting the row sets, in words ("A: CIO · R: CISO, CTO"), or "" for nothing. */
  leading: string;
}

/** The round's rows still in the chart, in the round's order. */
export function summariseRows(
  round: Round,
  document: ChartDocument,
  leading: LeadingCodes,
): RowSummary[] {
  const titles = new Map(document.roles.map((role) => [role.id, role.title]));
  const names = new Map(document.responsibilities.map((r) => [r.id, r.name]));
  const results = round.results === null ? undefined : indexResults(round.results);
  return round.responsibilities.flatMap((id): RowSummary[] => {
    const name = names.get(id);
    const row = results?.row(id);
    if (name === undefined || row === undefined) return [];
    const accountables = row.accountables
      .map((a) => `${titles.get(a.role) ?? a.role} ${a.votes}`)
      .join(" · ");
    return [
      {
        id,
        name,
        voters: row.voters,
        accountables,
        disagree: row.disagree,
        disagreements: row.disagreements,
        leading: describeLeading(leading.get(id), titles),
      },
    ];
  });
}

function describeLeading(
  cells: ReadonlyMap<string, RaciCode[]> | undefined,
  titles: ReadonlyMap<string, string>,
): string {
  if (cells === undefined) return "";
  return DISPLAY_ORDER.flatMap((code) => {
    const holders = [...cells].filter(([, codes]) => codes.includes(code));
    return holders.length === 0
      ? []
      : [`${code}: ${holders.map(([role]) => titles.get(role) ?? role).join(", ")}`];
  }).join(" · ");
}

export interface AdoptionEdit {
  operations: Operation[];
  label: string;
}

/**
 * The ordinary operations that set a row (or one cell) to the round's leading result:
 * every role of the round on that row gets its leading codes, none where nothing leads.
 * Roles and rows removed from the chart since are left out. Null when nothing changes.
 */
export function adoptionEdit(
  document: ChartDocument,
  round: Round,
  leading: LeadingCodes,
  responsibility: string,
  role?: string,
): AdoptionEdit | null {
  const row = document.responsibilities.find((r) => r.id === responsibility);
  if (row === undefined || !round.responsibilities.includes(responsibility)) return null;
  const inChart = new Map(document.roles.map((r) => [r.id, r.title]));
  const roles = (role === undefined ? round.roles : [role]).filter(
    (id) => round.roles.includes(id) && inChart.has(id),
  );
  const current = new Map<string, RaciCode[]>();
  for (const a of document.assignments)
    if (a.responsibility === responsibility)
      current.set(a.role, [...(current.get(a.role) ?? []), a.code]);
  const operations = roles.flatMap((id) =>
    cellOperations(
      id,
      responsibility,
      current.get(id) ?? [],
      leading.get(responsibility)?.get(id) ?? [],
    ),
  );
  if (operations.length === 0) return null;
  const label =
    role === undefined
      ? `Adopt the round's result on ${row.name}`
      : `Adopt the round's result for ${inChart.get(role)} on ${row.name}`;
  return { operations, label };
}

/** A cell's leading codes in words for a menu ("A/R", or "none"). */
export function describeCodes(codes: readonly RaciCode[]): string {
  return codes.length === 0 ? "none" : formatCodes(codes);
}
