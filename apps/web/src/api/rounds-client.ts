import type { Round, RoundsResponse, RoundVote, StartRoundBody } from "@rolemap/contract";
import type { JsonRequest } from "./access-client";
import type { ExportedFile } from "./client";
import type { FileRequest } from "./scenarios-client";

/** Silent RACI rounds (apps/api/README.md, "Silent RACI rounds"). */
export interface RoundsApi {
  /** The chart's rounds, newest first, as this person may see them. */
  listRounds(chartId: string, signal?: AbortSignal): Promise<RoundsResponse>;
  /** Opens a round on matrix rows (owner); ApiError 409 while another is open. */
  startRound(chartId: string, body: StartRoundBody): Promise<Round>;
  /** Replaces my codes in an open round (comment level); ApiError 409 once revealed. */
  saveRoundVotes(chartId: string, roundId: string, votes: RoundVote[]): Promise<Round>;
  /** Shows everyone the tally (owner). */
  revealRound(chartId: string, roundId: string): Promise<Round>;
  /** Removes the round and its votes (owner). */
  removeRound(chartId: string, roundId: string): Promise<void>;
  /** Every vote as CSV, after the reveal (owner). */
  downloadRoundVotes(chartId: string, roundId: string): Promise<ExportedFile>;
}

const rounds = (chartId: string) => `/charts/${encodeURIComponent(chartId)}/rounds`;
const round = (chartId: string, id: string) => `${rounds(chartId)}/${encodeURIComponent(id)}`;

export function createRoundsApi(request: JsonRequest, download: FileRequest): RoundsApi {
  return {
    listRounds: (chartId, signal) => request("GET", rounds(chartId), { signal }),
    startRound: (chartId, body) => request("POST", rounds(chartId), { body }),
    saveRoundVotes: (chartId, roundId, votes) =>
      request("PUT", `${round(chartId, roundId)}/votes`, { body: { votes } }),
    revealRound: (chartId, roundId) => request("POST", `${round(chartId, roundId)}/reveal`),
    removeRound: (chartId, roundId) => request("DELETE", round(chartId, roundId)),
    downloadRoundVotes: (chartId, roundId) => download(`${round(chartId, roundId)}/votes.csv`),
  };
}
