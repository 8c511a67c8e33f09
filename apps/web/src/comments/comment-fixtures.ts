import type { Comment, CommentMessage, CommentReply } from "@rolemap/contract";

/** A UUID numbered `n`: comment ids in tests. */
export const commentId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Comment `n` on the CTO by Ana, written at 10:0n; change what a test needs. */
export function commentOf(n: number, overrides: Partial<CommentReply> = {}): CommentReply {
  return {
    id: commentId(n),
    target: { role: "cto" },
    replyTo: null,
    author: { name: "Ana" },
    body: `comment ${n}`,
    createdAt: `2026-12-08T10:0${n % 10}:00.000Z`,
    editedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    targetRemoved: false,
    mine: false,
    ...overrides,
  };
}

/** A thread: comment `n` with `replies`. */
export const threadOf = (n: number, overrides: Partial<Comment> = {}): Comment => ({
  ...commentOf(n),
  replies: [],
  ...overrides,
});

/** The live message announcing `comment` (deleted or not). */
export const messageOf = (comment: CommentReply, deleted = false): CommentMessage => ({
  ...comment,
  type: "comment",
  deleted,
});
