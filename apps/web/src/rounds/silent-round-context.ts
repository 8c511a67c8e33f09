import type { RaciCode, Round, RoundCellResult } from "@rolemap/contract";
import type { LeadingCodes } from "@rolemap/domain";
import { createContext, useContext } from "react";
import { cellKey } from "../matrix/matrix-model";
import type { MyVotes, ResultsIndex } from "./round-model";
import type { VoteSave } from "./use-my-votes";

/** The chart page's silent round, as the matrix and its banner use it. */
export interface SilentRound {
  chartId: string;
  /** The rounds' list: loading, failed (with a retry) or there. */
  status: "loading" | "error" | "ready";
  error: unknown;
  retry(): void;
  /** The round the matrix shows (see `currentRound`), or null. */
  round: Round | null;
  /** Whether a cell is one the shown round asks about. */
  covers(role: string, responsibility: string): boolean;
  /** The chart's owner: starts, reveals, adopts, downloads and removes rounds. */
  isFacilitator: boolean;
  /** Comment access and above: fills in codes while a round is open. */
  canVote: boolean;
  /** The owner may change the chart now (adopting a result is an ordinary edit). */
  canAdopt: boolean;
  myVotes: MyVotes;
  save: VoteSave;
  /** Sets my codes for a cell of the open round (saved a moment later). */
  setMyCodes(role: string, responsibility: string, codes: readonly RaciCode[]): void;
  /** Sends my unsaved codes now. */
  flush(): Promise<void>;
  /** After the reveal: the tally by cell and row, and what adopting leads to. */
  results: ResultsIndex | null;
  leading: LeadingCodes | null;
  adoptRow(responsibility: string): void;
  adoptCell(role: string, responsibility: string): void;
  /** Puts a revealed round away for this person (it stays on the server, with its votes). */
  dismiss(): void;
}

export const SilentRoundContext = createContext<SilentRound | null>(null);

/** Null outside the chart page, or while a past version is previewed. */
export const useSilentRound = () => useContext(SilentRoundContext);

/** What a matrix cell shows of the round. */
export type RoundCellState =
  /** Part of the open round: the codes shown are mine, private until the reveal. */
  | { kind: "private" }
  /** Part of the revealed round: how many chose what (absent when no one filled it in). */
  | { kind: "result"; result: RoundCellResult | undefined };

const PRIVATE: RoundCellState = { kind: "private" };
const UNFILLED: RoundCellState = { kind: "result", result: undefined };
const resultStates = new WeakMap<RoundCellResult, RoundCellState>();

/**
 * The round's part in one cell, or undefined outside the round. The same object for the
 * same state, so memoised cells do not redraw.
 */
export function roundCellState(
  round: SilentRound | null,
  role: string,
  responsibility: string,
): RoundCellState | undefined {
  const current = round?.round;
  if (round == null || current == null || !round.covers(role, responsibility)) return undefined;
  if (current.status === "open") return round.canVote ? PRIVATE : undefined;
  const result = round.results?.cell(role, responsibility);
  if (result === undefined) return UNFILLED;
  let state = resultStates.get(result);
  if (state === undefined) {
    state = { kind: "result", result };
    resultStates.set(result, state);
  }
  return state;
}

/** My codes for a cell of the open round, when it is one I fill in; else undefined. */
export function myRoundCodes(
  round: SilentRound | null,
  role: string,
  responsibility: string,
): readonly RaciCode[] | undefined {
  if (roundCellState(round, role, responsibility)?.kind !== "private") return undefined;
  return round?.myVotes.get(cellKey(role, responsibility))?.codes ?? [];
}
