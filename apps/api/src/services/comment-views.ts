import type { CommentMessage, CommentReply, CommentsQuery, CommentTarget } from "@rolemap/contract";
import type { Principal } from "../auth/principal";
import { invalidInput } from "../errors";
import type { GoneComment } from "../live/bus";
import type { CommentAuthor, PresentTargets, StoredComment } from "./comment-store";

/** Comments as the API answers them and the live connection announces them (pure). */

export const nameOf = (principal: Principal) =>
  principal.kind === "account" ? principal.account.name : principal.name;

export const authorOf = (principal: Principal): CommentAuthor =>
  principal.kind === "account"
    ? { accountId: principal.account.id, session: null, name: principal.account.name }
    : { accountId: null, session: principal.credential, name: principal.name };

/** An account wrote it, or the guest session that wrote it asks (a guest's credential is its session's hash). */
export const isAuthor = (author: CommentAuthor, principal: Principal) =>
  principal.kind === "account"
    ? author.accountId === principal.account.id
    : author.session === principal.credential;

export const sameTarget = (a: CommentTarget, b: CommentTarget) =>
  "chart" in a === "chart" in b &&
  ("role" in a ? a.role : undefined) === ("role" in b ? b.role : undefined) &&
  ("responsibility" in a ? a.responsibility : undefined) ===
    ("responsibility" in b ? b.responsibility : undefined);

/** True when the role or row the target names is no longer in the chart. */
export const isRemoved = (target: CommentTarget, present: PresentTargets) =>
  ("role" in target && !present.roles.has(target.role)) ||
  ("responsibility" in target && !present.responsibilities.has(target.responsibility));

/** The filter a query asks for: one exact target, or none (every comment). */
export function targetOfQuery({
  role,
  responsibility,
  chart,
}: CommentsQuery): CommentTarget | undefined {
  if (chart === "true" && (role !== undefined || responsibility !== undefined))
    throw invalidInput("invalid query", [
      {
        path: "chart",
        message: "chart=true names the chart itself: leave out role and responsibility",
      },
    ]);
  if (chart === "true") return { chart: true };
  if (role !== undefined && responsibility !== undefined) return { role, responsibility };
  if (role !== undefined) return { role };
  if (responsibility !== undefined) return { responsibility };
  return undefined;
}

/** What the comment is, as the API answers it to `principal`. */
export function replyOf(
  comment: StoredComment,
  targetRemoved: boolean,
  mine: boolean,
): CommentReply {
  return {
    id: comment.id,
    target: comment.target,
    replyTo: comment.replyTo,
    author: { name: comment.author.name },
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    resolvedAt: comment.resolved?.at.toISOString() ?? null,
    resolvedBy: comment.resolved === null ? null : { name: comment.resolved.by },
    targetRemoved,
    mine,
  };
}

/** A `comment` message before `mine` is added for each receiving connection. */
export type CommentNews = Omit<CommentMessage, "mine">;

export function newsOf(comment: StoredComment, targetRemoved: boolean): CommentNews {
  const { mine: _, ...reply } = replyOf(comment, targetRemoved, false);
  return { ...reply, type: "comment", deleted: false };
}

/** A deleted comment as the bus carries it: everything but its id and body. */
export function goneOf(comment: StoredComment, targetRemoved: boolean): GoneComment {
  const { target, replyTo, createdAt, editedAt, resolvedAt, resolvedBy } = newsOf(
    comment,
    targetRemoved,
  );
  return {
    target,
    replyTo,
    author: comment.author,
    createdAt,
    editedAt,
    resolvedAt,
    resolvedBy,
    targetRemoved,
  };
}

/** A deletion's message: the comment as it was, without its body. */
export function goneNewsOf(id: string, gone: GoneComment): CommentNews {
  const { author, ...rest } = gone;
  return { ...rest, type: "comment", id, author: { name: author.name }, body: "", deleted: true };
}
