import type { Comment, CommentMessage, CommentReply, CommentTarget } from "@rolemap/contract";
import { type TargetKey, targetKey } from "./comment-targets";

/**
 * The chart's comment threads as the query cache holds them (`GET /comments`: first
 * comments with their replies), and how one change (a live `comment` message, or the answer
 * to my own request) enters them. Pure: data in, data out; nothing is mutated.
 */

/** A comment without its thread's replies (a message, a reply, an edited first comment). */
type OneComment = CommentReply & { replies?: readonly CommentReply[] };

/** Only the contract's fields of one comment (a message also has `type` and `deleted`). */
const fieldsOf = (comment: OneComment): CommentReply => ({
  id: comment.id,
  target: comment.target,
  replyTo: comment.replyTo,
  author: comment.author,
  body: comment.body,
  createdAt: comment.createdAt,
  editedAt: comment.editedAt,
  resolvedAt: comment.resolvedAt,
  resolvedBy: comment.resolvedBy,
  targetRemoved: comment.targetRemoved,
  mine: comment.mine,
});

/**
 * The threads with `comment` added or replaced. A reply whose thread is not here returns
 * null: the list is behind (a missed message) and should be fetched again.
 */
export function upsertComment(threads: readonly Comment[], comment: OneComment): Comment[] | null {
  const fields = fieldsOf(comment);
  if (fields.replyTo === null) {
    const at = threads.findIndex((thread) => thread.id === fields.id);
    if (at < 0) return [...threads, { ...fields, replies: [...(comment.replies ?? [])] }];
    const before = threads[at] as Comment;
    const next = { ...fields, replies: comment.replies ? [...comment.replies] : before.replies };
    return threads.map((thread, i) => (i === at ? next : thread));
  }
  const threadAt = threads.findIndex((thread) => thread.id === fields.replyTo);
  if (threadAt < 0) return null;
  const thread = threads[threadAt] as Comment;
  const replyAt = thread.replies.findIndex((reply) => reply.id === fields.id);
  const replies =
    replyAt < 0
      ? [...thread.replies, fields]
      : thread.replies.map((reply, i) => (i === replyAt ? fields : reply));
  return threads.map((each, i) => (i === threadAt ? { ...thread, replies } : each));
}

/** The threads without the comment `id` (a first comment takes its replies with it). */
export function removeComment(threads: readonly Comment[], id: string): Comment[] {
  const kept = threads.filter((thread) => thread.id !== id);
  return kept.map((thread) =>
    thread.replies.some((reply) => reply.id === id)
      ? { ...thread, replies: thread.replies.filter((reply) => reply.id !== id) }
      : thread,
  );
}

/** A live `comment` message taken into the threads; null when they must be fetched again. */
export function applyCommentMessage(
  threads: readonly Comment[],
  { type: _type, deleted, ...comment }: CommentMessage,
): Comment[] | null {
  return deleted ? removeComment(threads, comment.id) : upsertComment(threads, comment);
}

export const isOpen = (thread: Comment) => thread.resolvedAt === null;

/** Open threads per target: the numbers on the comment markers. */
export function openCountsByTarget(threads: readonly Comment[]): Map<TargetKey, number> {
  const counts = new Map<TargetKey, number>();
  for (const thread of threads) {
    if (!isOpen(thread)) continue;
    const key = targetKey(thread.target);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export type ThreadFilter = "open" | "resolved";

/**
 * The threads a panel shows: open or resolved, on one target (or all), newest thread first
 * (a thread's replies stay oldest first).
 */
export function threadsToShow(
  threads: readonly Comment[],
  filter: ThreadFilter,
  target: CommentTarget | null,
): Comment[] {
  const key = target === null ? null : targetKey(target);
  return threads
    .filter((thread) => isOpen(thread) === (filter === "open"))
    .filter((thread) => key === null || targetKey(thread.target) === key)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
