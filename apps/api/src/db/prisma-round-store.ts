import { RACI_CODES, type RaciCode, type RoundStatus } from "@rolemap/contract";
import type { Prisma } from "../generated/prisma/client.js";
import type { RoundStore, StoredRound, StoredVote } from "../services/round-store";
import type { Database } from "./database";

/** The class of the advisory locks that make "one open round per chart" hold (arbitrary). */
const OPEN_ROUND_LOCK = 72_707_371;

interface RoundRow {
  id: string;
  chartId: string;
  status: string;
  responsibilities: Prisma.JsonValue;
  roles: Prisma.JsonValue;
  startedByName: string;
  startedAt: Date;
  revealedAt: Date | null;
}

const idsOf = (value: Prisma.JsonValue): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];

const toRound = (row: RoundRow): StoredRound => ({
  id: row.id,
  chartId: row.chartId,
  status: row.status as RoundStatus,
  responsibilities: idsOf(row.responsibilities),
  roles: idsOf(row.roles),
  startedByName: row.startedByName,
  startedAt: row.startedAt,
  revealedAt: row.revealedAt,
});

/** Codes are kept as one text in RACI order ("RA" for R and A). */
const codesText = (codes: readonly RaciCode[]) =>
  RACI_CODES.filter((code) => codes.includes(code)).join("");
const codesOf = (text: string): RaciCode[] => RACI_CODES.filter((code) => text.includes(code));

const toVote = (row: {
  voter: string;
  voterName: string;
  roleKey: string;
  responsibilityKey: string;
  codes: string;
}): StoredVote => ({
  voter: row.voter,
  voterName: row.voterName,
  role: row.roleKey,
  responsibility: row.responsibilityKey,
  codes: codesOf(row.codes),
});

/** Votes in a stable order: by row, role, then person. */
const voteOrder = [
  { responsibilityKey: "asc" },
  { roleKey: "asc" },
  { voter: "asc" },
] satisfies Prisma.RoundVoteOrderByWithRelationInput[];

type Tx = Prisma.TransactionClient;

/** The round under its row lock (votes and reveals of one round take turns). */
async function lockRound(tx: Tx, chartId: string, roundId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM rounds WHERE id = ${roundId}::uuid AND chart_id = ${chartId}::uuid FOR UPDATE`;
  if (locked.length === 0) return undefined;
  const row = await tx.round.findUnique({ where: { id: roundId } });
  return row === null ? undefined : toRound(row);
}

const countParticipants = async (tx: Tx, roundId: string) =>
  (await tx.roundVote.groupBy({ by: ["voter"], where: { roundId } })).length;

export function createPrismaRoundStore({ prisma }: Database): RoundStore {
  return {
    start(round) {
      return prisma.$transaction(async (tx) => {
        // One start per chart at a time, without holding the chart's row (writes go on).
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OPEN_ROUND_LOCK}, hashtext(${round.chartId}))`;
        const chart = await tx.chart.findUnique({
          where: { id: round.chartId },
          select: { id: true },
        });
        if (chart === null) return { status: "no_chart" as const };
        const open = await tx.round.findFirst({
          where: { chartId: round.chartId, status: "open" },
          orderBy: { startedAt: "desc" },
        });
        if (open !== null) return { status: "open_exists" as const, round: toRound(open) };
        const created = await tx.round.create({
          data: {
            id: round.id,
            chartId: round.chartId,
            status: "open",
            responsibilities: round.responsibilities,
            roles: round.roles,
            startedByName: round.startedByName,
            startedAt: round.startedAt,
          },
        });
        return { status: "started" as const, round: toRound(created) };
      });
    },

    async list(chartId) {
      const rows = await prisma.round.findMany({
        where: { chartId },
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      });
      return rows.map(toRound);
    },

    async get(chartId, roundId) {
      const row = await prisma.round.findFirst({ where: { id: roundId, chartId } });
      return row === null ? undefined : toRound(row);
    },

    async participants(roundIds) {
      const counts = new Map<string, number>();
      if (roundIds.length === 0) return counts;
      const pairs = await prisma.roundVote.groupBy({
        by: ["roundId", "voter"],
        where: { roundId: { in: [...roundIds] } },
      });
      for (const { roundId } of pairs) counts.set(roundId, (counts.get(roundId) ?? 0) + 1);
      return counts;
    },

    async votesOf(roundId, voter) {
      const rows = await prisma.roundVote.findMany({
        where: { roundId, voter },
        orderBy: voteOrder,
      });
      return rows.map(toVote);
    },

    async votes(roundId) {
      const rows = await prisma.roundVote.findMany({ where: { roundId }, orderBy: voteOrder });
      return rows.map(toVote);
    },

    saveVotes(chartId, roundId, voter, votes) {
      return prisma.$transaction(async (tx) => {
        const round = await lockRound(tx, chartId, roundId);
        if (round === undefined) return { status: "not_found" as const };
        if (round.status !== "open") return { status: "revealed" as const, round };
        const participantsBefore = await countParticipants(tx, roundId);
        await tx.roundVote.deleteMany({ where: { roundId, voter: voter.key } });
        const now = new Date();
        await tx.roundVote.createMany({
          data: votes
            .filter((vote) => vote.codes.length > 0)
            .map((vote) => ({
              roundId,
              voter: voter.key,
              voterName: voter.name,
              roleKey: vote.role,
              responsibilityKey: vote.responsibility,
              codes: codesText(vote.codes),
              updatedAt: now,
            })),
        });
        const participants = await countParticipants(tx, roundId);
        return { status: "saved" as const, round, participantsBefore, participants };
      });
    },

    reveal(chartId, roundId, at) {
      return prisma.$transaction(async (tx) => {
        const round = await lockRound(tx, chartId, roundId);
        if (round === undefined) return { status: "not_found" as const };
        if (round.status === "revealed") return { status: "already" as const, round };
        const row = await tx.round.update({
          where: { id: roundId },
          data: { status: "revealed", revealedAt: at },
        });
        return { status: "revealed" as const, round: toRound(row) };
      });
    },

    async remove(chartId, roundId) {
      const { count } = await prisma.round.deleteMany({ where: { id: roundId, chartId } });
      return count > 0;
    },
  };
}
