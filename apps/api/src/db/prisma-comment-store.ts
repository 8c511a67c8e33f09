import type { CommentTarget } from "@rolemap/contract";
import { Prisma } from "../generated/prisma/client.js";
import type { CommentStore, StoredComment } from "../services/comment-store";
import type { Database } from "./database";

/** A comment's columns and its thread's resolution (kept on the thread's first comment). */
const select = {
  id: true,
  chartId: true,
  targetRole: true,
  targetResponsibility: true,
  replyToId: true,
  authorAccountId: true,
  authorSession: true,
  authorName: true,
  body: true,
  createdAt: true,
  editedAt: true,
  resolvedAt: true,
  resolvedByName: true,
  replyTo: { select: { resolvedAt: true, resolvedByName: true } },
} as const;

type Row = Prisma.CommentGetPayload<{ select: typeof select }>;

function targetOf(row: { targetRole: string | null; targetResponsibility: string | null }) {
  const { targetRole: role, targetResponsibility: responsibility } = row;
  if (role !== null && responsibility !== null) return { role, responsibility };
  if (role !== null) return { role };
  if (responsibility !== null) return { responsibility };
  return { chart: true as const };
}

/** The columns of a target: exactly these, the others null (a filter matches it exactly). */
const targetColumns = (target: CommentTarget) => ({
  targetRole: "role" in target ? target.role : null,
  targetResponsibility: "responsibility" in target ? target.responsibility : null,
});

function toStored(row: Row): StoredComment {
  const holder = row.replyTo ?? row;
  return {
    id: row.id,
    chartId: row.chartId,
    target: targetOf(row),
    replyTo: row.replyToId,
    author: { accountId: row.authorAccountId, session: row.authorSession, name: row.authorName },
    body: row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    resolved:
      holder.resolvedAt === null
        ? null
        : { at: holder.resolvedAt, by: holder.resolvedByName ?? "" },
  };
}

const isKnown = (error: unknown, code: string) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;

export function createPrismaCommentStore({ prisma }: Database): CommentStore {
  const order = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  const get = async (chartId: string, id: string) => {
    const row = await prisma.comment.findFirst({ where: { id, chartId }, select });
    return row === null ? undefined : toStored(row);
  };

  return {
    async list(chartId, target) {
      const where = { chartId, ...(target === undefined ? {} : targetColumns(target)) };
      return (await prisma.comment.findMany({ where, select, orderBy: order })).map(toStored);
    },

    get,

    async replies(chartId, rootId) {
      const where = { chartId, replyToId: rootId };
      return (await prisma.comment.findMany({ where, select, orderBy: order })).map(toStored);
    },

    async create(comment) {
      // Timestamps have milliseconds: a comment written within the same one as the last is
      // stamped a millisecond later, so the order of a burst is the order it was written in.
      const latest = await prisma.comment.findFirst({
        where: { chartId: comment.chartId },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      const now = Date.now();
      const createdAt = new Date(Math.max(now, (latest?.createdAt.getTime() ?? 0) + 1));
      try {
        const row = await prisma.comment.create({
          data: {
            id: comment.id,
            chartId: comment.chartId,
            ...targetColumns(comment.target),
            replyToId: comment.replyTo,
            authorAccountId: comment.author.accountId,
            authorSession: comment.author.session,
            authorName: comment.author.name,
            body: comment.body,
            createdAt,
          },
          select,
        });
        return toStored(row);
      } catch (error) {
        // P2003: the chart or the thread was deleted meanwhile.
        if (isKnown(error, "P2003")) return undefined;
        throw error;
      }
    },

    async update(chartId, id, changes) {
      const data = {
        ...(changes.body === undefined
          ? {}
          : { body: changes.body.text, editedAt: changes.body.editedAt }),
        ...(changes.resolved === undefined
          ? {}
          : {
              resolvedAt: changes.resolved?.at ?? null,
              resolvedByName: changes.resolved?.by ?? null,
            }),
      };
      try {
        return toStored(await prisma.comment.update({ where: { id, chartId }, data, select }));
      } catch (error) {
        // P2025: no such comment (any more).
        if (isKnown(error, "P2025")) return undefined;
        throw error;
      }
    },

    async remove(chartId, id) {
      // Replies go with their thread's first comment (ON DELETE CASCADE).
      return (await prisma.comment.deleteMany({ where: { id, chartId } })).count > 0;
    },

    async present(chartId, roles, responsibilities) {
      const [roleRows, responsibilityRows] = await Promise.all([
        roles.length === 0
          ? []
          : prisma.role.findMany({
              where: { chartId, key: { in: [...roles] } },
              select: { key: true },
            }),
        responsibilities.length === 0
          ? []
          : prisma.responsibility.findMany({
              where: { chartId, key: { in: [...responsibilities] } },
              select: { key: true },
            }),
      ]);
      return {
        roles: new Set(roleRows.map((row) => row.key)),
        responsibilities: new Set(responsibilityRows.map((row) => row.key)),
      };
    },
  };
}
