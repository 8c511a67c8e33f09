import type { RaciCode, RoundStatus } from "@rolemap/contract";

/** A silent round as stored (its votes apart). */
export interface StoredRound {
  id: string;
  chartId: string;
  status: RoundStatus;
  responsibilities: string[];
  roles: string[];
  startedByName: string;
  startedAt: Date;
  revealedAt: Date | null;
}

/** A person: an account by its id, a guest by `guest:` and its session's hash. */
export interface Voter {
  key: string;
  /** As the person was called when they voted (the CSV names them). */
  name: string;
}

/** One person's codes for one cell (never empty: an empty cell is not stored). */
export interface StoredVote {
  voter: string;
  voterName: string;
  role: string;
  responsibility: string;
  codes: RaciCode[];
}

export type StartRoundOutcome =
  | { status: "started"; round: StoredRound }
  /** The chart already has an open round: one at a time. */
  | { status: "open_exists"; round: StoredRound }
  | { status: "no_chart" };

export type SaveVotesOutcome =
  /** `participants` before and after: a change is announced. */
  | { status: "saved"; round: StoredRound; participantsBefore: number; participants: number }
  | { status: "revealed"; round: StoredRound }
  | { status: "not_found" };

export type RevealOutcome =
  | { status: "revealed"; round: StoredRound }
  /** Revealed before: the round as it is. */
  | { status: "already"; round: StoredRound }
  | { status: "not_found" };

/**
 * Persistence of silent rounds (`rounds`, `round_votes`). Starting a round and saving votes
 * are transactions under a row lock, so two facilitators cannot open two rounds on a chart
 * and no vote lands after a reveal.
 */
export interface RoundStore {
  /** Opens a round unless the chart already has an open one. */
  start(round: Omit<StoredRound, "status" | "revealedAt">): Promise<StartRoundOutcome>;
  /** The chart's rounds, newest first. */
  list(chartId: string): Promise<StoredRound[]>;
  get(chartId: string, roundId: string): Promise<StoredRound | undefined>;
  /** How many people have a vote in each of `roundIds` (absent: none). */
  participants(roundIds: readonly string[]): Promise<Map<string, number>>;
  /** One person's votes in a round. */
  votesOf(roundId: string, voter: string): Promise<StoredVote[]>;
  /** Every vote of a round (for the reveal and the CSV). */
  votes(roundId: string): Promise<StoredVote[]>;
  /** Replaces one person's votes while the round is open (empty cells are dropped). */
  saveVotes(
    chartId: string,
    roundId: string,
    voter: Voter,
    votes: readonly Omit<StoredVote, "voter" | "voterName">[],
  ): Promise<SaveVotesOutcome>;
  reveal(chartId: string, roundId: string, at: Date): Promise<RevealOutcome>;
  /** Removes a round and its votes; false when there was none. */
  remove(chartId: string, roundId: string): Promise<boolean>;
}
