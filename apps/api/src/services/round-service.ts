import { randomUUID } from "node:crypto";
import type {
  ChartDocument,
  InputIssue,
  Round,
  RoundMessage,
  RoundVote,
  StartRoundBody,
} from "@rolemap/contract";
import { tallyRound } from "@rolemap/domain";
import { escapeSpreadsheetText, formatRaciCell, writeCsv } from "@rolemap/interchange";
import type { Principal } from "../auth/principal";
import { AppError, invalidInput, notFound } from "../errors";
import type { ChartAccess } from "./chart-access";
import type { ChartStore } from "./chart-store";
import type { RoundStore, StoredRound, Voter } from "./round-store";

/** Who hears of rounds: the chart's live connections (counts only, never codes). */
export interface RoundEvents {
  announce(chartId: string, message: RoundMessage): unknown;
}

/** A person as a round knows them: an account by id, a guest by its session. */
export const voterOf = (principal: Principal): Voter =>
  principal.kind === "account"
    ? { key: principal.account.id, name: principal.account.name }
    : { key: `guest:${principal.credential}`, name: principal.name };

const noRound = (roundId: string) => notFound(`round ${roundId}`);

/** Ids of `wanted` that the chart lacks, as issues at `path[i]`. */
function unknownIds(
  wanted: readonly string[],
  present: ReadonlySet<string>,
  path: string,
  what: string,
): InputIssue[] {
  return wanted.flatMap((id, index) =>
    present.has(id)
      ? []
      : [{ path: `${path}[${index}]`, message: `the chart has no ${what} ${id}` }],
  );
}

/** Votes for cells outside the round, or for one cell twice, as issues at `votes[i]`. */
function misplacedVotes(round: StoredRound, votes: readonly RoundVote[]): InputIssue[] {
  const rows = new Set(round.responsibilities);
  const roles = new Set(round.roles);
  const seen = new Map<string, number>();
  return votes.flatMap((vote, index): InputIssue[] => {
    if (!rows.has(vote.responsibility))
      return [
        {
          path: `votes[${index}].responsibility`,
          message: `row ${vote.responsibility} is not in this round`,
        },
      ];
    if (!roles.has(vote.role))
      return [{ path: `votes[${index}].role`, message: `role ${vote.role} is not in this round` }];
    const key = JSON.stringify([vote.responsibility, vote.role]);
    const first = seen.get(key);
    if (first !== undefined)
      return [
        { path: `votes[${index}]`, message: `this cell is given already at votes[${first}]` },
      ];
    seen.set(key, index);
    return [];
  });
}

/** Silent RACI rounds: open, private votes, reveal with the tally, CSV of the votes. */
export function createRoundService(
  rounds: RoundStore,
  charts: ChartStore,
  access: ChartAccess,
  events: RoundEvents,
  now: () => Date = () => new Date(),
) {
  const announce = (round: StoredRound, participants: number, removed = false) =>
    events.announce(round.chartId, {
      type: "round",
      id: round.id,
      status: round.status,
      participants,
      removed,
    });

  /** The round as `principal` may see it: their own codes; everyone's only after the reveal. */
  const answer = async (
    round: StoredRound,
    principal: Principal,
    participants: number,
  ): Promise<Round> => {
    const mine = await rounds.votesOf(round.id, voterOf(principal).key);
    const results =
      round.status === "revealed"
        ? tallyRound({
            responsibilities: round.responsibilities,
            roles: round.roles,
            votes: await rounds.votes(round.id),
          })
        : null;
    return {
      id: round.id,
      chartId: round.chartId,
      status: round.status,
      responsibilities: round.responsibilities,
      roles: round.roles,
      startedAt: round.startedAt.toISOString(),
      startedBy: { name: round.startedByName },
      revealedAt: round.revealedAt?.toISOString() ?? null,
      participants,
      mine: mine.map(({ role, responsibility, codes }) => ({ role, responsibility, codes })),
      results,
    };
  };

  const participantsOf = async (roundId: string) =>
    (await rounds.participants([roundId])).get(roundId) ?? 0;

  const find = async (chartId: string, roundId: string) => {
    const round = await rounds.get(chartId, roundId);
    if (round === undefined) throw noRound(roundId);
    return round;
  };

  const document = async (chartId: string): Promise<ChartDocument> => {
    const chart = await charts.get(chartId);
    if (chart === undefined) throw notFound(`chart ${chartId}`);
    return chart.document;
  };

  return {
    async start(
      principal: Principal | undefined,
      chartId: string,
      body: StartRoundBody,
    ): Promise<Round> {
      await access.require(principal, chartId, "owner");
      const who = principal as Principal;
      const chart = await document(chartId);
      const roles = body.roles ?? chart.roles.map((role) => role.id);
      const issues = [
        ...unknownIds(
          body.responsibilities,
          new Set(chart.responsibilities.map((r) => r.id)),
          "responsibilities",
          "responsibility",
        ),
        ...unknownIds(body.roles ?? [], new Set(chart.roles.map((r) => r.id)), "roles", "role"),
      ];
      if (roles.length === 0)
        issues.push({ path: "roles", message: "the chart has no roles to fill in" });
      if (issues.length > 0) throw invalidInput("the round names what the chart lacks", issues);
      const outcome = await rounds.start({
        id: randomUUID(),
        chartId,
        responsibilities: body.responsibilities,
        roles,
        startedByName: voterOf(who).name,
        startedAt: now(),
      });
      if (outcome.status === "no_chart") throw notFound(`chart ${chartId}`);
      if (outcome.status === "open_exists")
        throw new AppError(
          "conflict",
          `round ${outcome.round.id}, started by ${outcome.round.startedByName}, is still open on this chart: reveal or remove it first`,
        );
      announce(outcome.round, 0);
      return answer(outcome.round, who, 0);
    },

    async list(principal: Principal | undefined, chartId: string): Promise<Round[]> {
      await access.require(principal, chartId, "view");
      const found = await rounds.list(chartId);
      const counts = await rounds.participants(found.map((round) => round.id));
      return Promise.all(
        found.map((round) => answer(round, principal as Principal, counts.get(round.id) ?? 0)),
      );
    },

    async get(principal: Principal | undefined, chartId: string, roundId: string) {
      await access.require(principal, chartId, "view");
      const round = await find(chartId, roundId);
      return answer(round, principal as Principal, await participantsOf(roundId));
    },

    async saveVotes(
      principal: Principal | undefined,
      chartId: string,
      roundId: string,
      votes: RoundVote[],
    ): Promise<Round> {
      await access.require(principal, chartId, "comment");
      const who = principal as Principal;
      const round = await find(chartId, roundId);
      if (round.status !== "open") throw revealedAlready(round);
      const issues = misplacedVotes(round, votes);
      if (issues.length > 0)
        throw invalidInput("some votes are not for this round's cells", issues);
      const outcome = await rounds.saveVotes(chartId, roundId, voterOf(who), votes);
      if (outcome.status === "not_found") throw noRound(roundId);
      if (outcome.status === "revealed") throw revealedAlready(outcome.round);
      if (outcome.participants !== outcome.participantsBefore)
        announce(outcome.round, outcome.participants);
      return answer(outcome.round, who, outcome.participants);
    },

    async reveal(principal: Principal | undefined, chartId: string, roundId: string) {
      await access.require(principal, chartId, "owner");
      const outcome = await rounds.reveal(chartId, roundId, now());
      if (outcome.status === "not_found") throw noRound(roundId);
      const participants = await participantsOf(roundId);
      if (outcome.status === "revealed") announce(outcome.round, participants);
      return answer(outcome.round, principal as Principal, participants);
    },

    async remove(principal: Principal | undefined, chartId: string, roundId: string) {
      await access.require(principal, chartId, "owner");
      const round = await find(chartId, roundId);
      const participants = await participantsOf(roundId);
      if (!(await rounds.remove(chartId, roundId))) throw noRound(roundId);
      announce(round, participants, true);
    },

    /** Every vote as CSV, for after the workshop: the owner's, once the round is revealed. */
    async votesCsv(principal: Principal | undefined, chartId: string, roundId: string) {
      await access.require(principal, chartId, "owner");
      const round = await find(chartId, roundId);
      if (round.status !== "revealed")
        throw new AppError(
          "conflict",
          `round ${roundId} is still open: its votes stay private until the reveal`,
        );
      const chart = await document(chartId);
      const names = new Map(chart.responsibilities.map((r) => [r.id, r.name]));
      const titles = new Map(chart.roles.map((r) => [r.id, r.title]));
      const rowOrder = new Map(round.responsibilities.map((id, i) => [id, i]));
      const roleOrder = new Map(round.roles.map((id, i) => [id, i]));
      const votes = (await rounds.votes(roundId)).sort(
        (a, b) =>
          (rowOrder.get(a.responsibility) ?? 0) - (rowOrder.get(b.responsibility) ?? 0) ||
          (roleOrder.get(a.role) ?? 0) - (roleOrder.get(b.role) ?? 0) ||
          a.voterName.localeCompare(b.voterName),
      );
      const header = [
        "Responsibility id",
        "Responsibility",
        "Role id",
        "Role",
        "Participant",
        "Codes",
      ];
      const rows = votes.map((vote) => [
        vote.responsibility,
        names.get(vote.responsibility) ?? "",
        vote.role,
        titles.get(vote.role) ?? "",
        vote.voterName,
        formatRaciCell(vote.codes),
      ]);
      return {
        filename: `round-${round.startedAt.toISOString().slice(0, 10)}-${round.id.slice(0, 8)}.csv`,
        body: writeCsv([header, ...rows].map((row) => row.map(escapeSpreadsheetText))),
      };
    },
  };
}

const revealedAlready = (round: StoredRound) =>
  new AppError(
    "conflict",
    `round ${round.id} was revealed${round.revealedAt === null ? "" : ` at ${round.revealedAt.toISOString()}`}: its votes are closed`,
  );

export type RoundService = ReturnType<typeof createRoundService>;
