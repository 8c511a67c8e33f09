import type { CommentReply } from "@rolemap/contract";
import { useState } from "react";
import { describeError } from "../api/client";
import { useDeleteComment, useUpdateComment } from "../api/comments-hooks";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { RelativeTime } from "../components/RelativeTime";
import { CommentBody } from "./CommentBody";
import { CommentComposer } from "./CommentComposer";
import styles from "./Comments.module.css";
import type { ThreadTools } from "./thread-tools";

/** One comment: who, when, the text; Edit for its author, Delete for its author or the owner. */
export function CommentItem({
  comment,
  isFirst,
  replyCount = 0,
  tools,
}: {
  comment: CommentReply;
  /** The thread's first comment: deleting it deletes the thread and its replies. */
  isFirst: boolean;
  replyCount?: number;
  tools: ThreadTools;
}) {
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const update = useUpdateComment(tools.chartId);
  const remove = useDeleteComment(tools.chartId);
  const canEdit = comment.mine && tools.canComment;
  const canDelete = comment.mine || tools.isOwner;

  return (
    <article className={styles.comment} data-testid="comment" data-comment-id={comment.id}>
      <header className={styles.commentHead}>
        <span className={styles.author}>{comment.author.name}</span>
        <span className={styles.meta}>
          <RelativeTime iso={comment.createdAt} />
          {comment.editedAt !== null && <span title="Edited since it was written"> · edited</span>}
        </span>
      </header>
      {isEditing ? (
        <CommentComposer
          label="Edit your comment"
          placeholder="Your comment"
          submitLabel="Save"
          pendingLabel="Saving…"
          initialValue={comment.body}
          roles={tools.roles}
          isPending={update.isPending}
          error={update.isError ? describeError(update.error) : null}
          autoFocus
          testId="comment-edit"
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            try {
              await update.mutateAsync({ id: comment.id, body });
              setEditing(false);
              return true;
            } catch {
              return false;
            }
          }}
        />
      ) : (
        <CommentBody body={comment.body} roles={tools.roles} onMention={tools.showRole} />
      )}
      {!isEditing && (canEdit || canDelete) && (
        <div className={styles.commentActions}>
          {canEdit && (
            <button
              type="button"
              className={styles.linkButton}
              onClick={() => setEditing(true)}
              aria-label="Edit your comment"
              data-testid="comment-edit-button"
            >
              Edit
            </button>
          )}
          {canDelete && (
            <button
              type="button"
              className={styles.linkButton}
              onClick={() => setDeleting(true)}
              aria-label={`Delete the comment by ${comment.author.name}`}
              data-testid="comment-delete-button"
            >
              Delete
            </button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={isDeleting}
        title={isFirst ? "Delete this thread?" : "Delete this comment?"}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate(comment.id, { onSuccess: () => setDeleting(false) })}
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        error={remove.error}
        failure="Deleting failed"
        testId="delete-comment-dialog"
        confirmTestId="confirm-delete-comment"
      >
        <p>
          {isFirst && replyCount > 0
            ? `The comment by ${comment.author.name} and its ${replyCount} ${replyCount === 1 ? "reply" : "replies"} will be deleted for everyone.`
            : `The comment by ${comment.author.name} will be deleted for everyone.`}
        </p>
      </ConfirmDialog>
    </article>
  );
}
