import type { Comment } from "@rolemap/contract";
import { useState } from "react";
import { describeError } from "../api/client";
import { useCreateComment, useUpdateComment } from "../api/comments-hooks";
import { RelativeTime } from "../components/RelativeTime";
import { CommentComposer, SEND_KEYS } from "./CommentComposer";
import { CommentItem } from "./CommentItem";
import styles from "./Comments.module.css";
import type { ThreadTools } from "./thread-tools";

/**
 * A thread: its first comment, the replies, Reply and Resolve / Reopen (comment level).
 * With `showsTarget` (the panel lists every thread) it says what it is on, as a button that
 * selects it; a thread on a removed role or row says so.
 */
export function CommentThread({
  thread,
  showsTarget,
  tools,
}: {
  thread: Comment;
  showsTarget: boolean;
  tools: ThreadTools;
}) {
  const [isReplying, setReplying] = useState(false);
  const reply = useCreateComment(tools.chartId);
  const resolve = useUpdateComment(tools.chartId);
  const isResolved = thread.resolvedAt !== null;
  const target = tools.describe(thread.target);
  const isRemoved = thread.targetRemoved || target.isRemoved;

  return (
    <li
      className={styles.thread}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={isResolved}
    >
      {(showsTarget || isRemoved) && (
        <div className={styles.threadTarget}>
          {isRemoved ? (
            <span className={styles.removed} data-testid="comment-removed-target">
              On {target.isRemoved ? target.name : "a removed role or row"}
            </span>
          ) : "chart" in thread.target ? (
            <span>On the chart</span>
          ) : (
            <button
              type="button"
              className={styles.linkButton}
              onClick={() => tools.selectTarget(thread.target)}
              title="Select it and show only its comments"
              data-testid="comment-target"
            >
              On {target.name}
            </button>
          )}
        </div>
      )}
      <CommentItem comment={thread} isFirst replyCount={thread.replies.length} tools={tools} />
      {thread.replies.length > 0 && (
        <ol className={styles.replies} aria-label={`Replies to ${thread.author.name}`}>
          {thread.replies.map((each) => (
            <li key={each.id}>
              <CommentItem comment={each} isFirst={false} tools={tools} />
            </li>
          ))}
        </ol>
      )}
      {isResolved && (
        <p className={styles.resolvedNote} data-testid="comment-resolved-note">
          <span aria-hidden="true">✓ </span>Resolved
          {thread.resolvedBy !== null && ` by ${thread.resolvedBy.name}`}{" "}
          {thread.resolvedAt !== null && <RelativeTime iso={thread.resolvedAt} />}
        </p>
      )}
      {tools.canComment && (
        <>
          {isReplying ? (
            <CommentComposer
              label={`Reply to ${thread.author.name}`}
              placeholder={`Reply… Enter: new line, ${SEND_KEYS}: send`}
              submitLabel="Reply"
              pendingLabel="Sending…"
              roles={tools.roles}
              isPending={reply.isPending}
              error={reply.isError ? describeError(reply.error) : null}
              autoFocus
              testId="reply-composer"
              onCancel={() => setReplying(false)}
              onSubmit={async (body) => {
                try {
                  await reply.mutateAsync({ target: thread.target, body, replyTo: thread.id });
                  setReplying(false);
                  return true;
                } catch {
                  return false;
                }
              }}
            />
          ) : (
            <div className={styles.threadActions}>
              <button
                type="button"
                className="button button-small"
                onClick={() => setReplying(true)}
                aria-label={`Reply to ${thread.author.name}`}
                data-testid="comment-reply-button"
              >
                Reply
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={resolve.isPending}
                onClick={() => resolve.mutate({ id: thread.id, resolved: !isResolved })}
                aria-label={`${isResolved ? "Reopen" : "Resolve"} the thread started by ${thread.author.name}`}
                data-testid={isResolved ? "comment-reopen-button" : "comment-resolve-button"}
              >
                {isResolved ? "Reopen" : "Resolve"}
              </button>
            </div>
          )}
          {resolve.isError && (
            <p className="field-error" role="alert">
              {isResolved ? "Reopening" : "Resolving"} failed: {describeError(resolve.error)}
            </p>
          )}
        </>
      )}
    </li>
  );
}
