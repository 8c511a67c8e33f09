import type { CommentTarget } from "@rolemap/contract";

/** Who wrote a comment: an account, or a guest known by its session (the session's hash). */
export interface CommentAuthor {
  accountId: string | null;
  /** A guest's session hash; null for an account. */
  session: string | null;
  /** The name shown, as it was when the comment was written. */
  name: string;
}

/** A thread's resolution: set on its first comment, shared by its replies. */
export interface Resolution {
  at: Date;
  /** The name of who resolved it. */
  by: string;
}

/** A comment as stored, with its thread's resolution. */
export interface StoredComment {
  id: string;
  chartId: string;
  target: CommentTarget;
  /** The thread's first comment; null for a first comment. */
  replyTo: string | null;
  author: CommentAuthor;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  /** The thread's resolution (a reply answers its first comment's). */
  resolved: Resolution | null;
}

export interface NewComment {
  id: string;
  chartId: string;
  target: CommentTarget;
  replyTo: string | null;
  author: CommentAuthor;
  body: string;
}

/** What an update may change: the body (with when), the resolution (null reopens). */
export interface CommentChanges {
  body?: { text: string; editedAt: Date };
  resolved?: Resolution | null;
}

/** The role and responsibility ids among those asked about that are in the chart now. */
export interface PresentTargets {
  roles: Set<string>;
  responsibilities: Set<string>;
}

/**
 * Persistence of comments (history.md, "Comments"). Every call names the chart, so a
 * comment id of another chart is not found.
 */
export interface CommentStore {
  /**
   * The chart's comments whose target is exactly `target` (every comment when absent),
   * oldest first.
   */
  list(chartId: string, target?: CommentTarget): Promise<StoredComment[]>;
  get(chartId: string, id: string): Promise<StoredComment | undefined>;
  /** A thread's replies, oldest first. */
  replies(chartId: string, rootId: string): Promise<StoredComment[]>;
  /**
   * Stores a comment, later than every earlier comment of the chart (so a thread keeps the
   * order it was written in); undefined when the chart or the thread was removed meanwhile.
   */
  create(comment: NewComment): Promise<StoredComment | undefined>;
  /** Undefined when the comment is gone. A resolution is set on the comment given. */
  update(chartId: string, id: string, changes: CommentChanges): Promise<StoredComment | undefined>;
  /** Deletes a comment (a thread's first: the whole thread); false when it was gone. */
  remove(chartId: string, id: string): Promise<boolean>;
  /** Which of these ids are a role or a responsibility of the chart now. */
  present(
    chartId: string,
    roles: readonly string[],
    responsibilities: readonly string[],
  ): Promise<PresentTargets>;
}
