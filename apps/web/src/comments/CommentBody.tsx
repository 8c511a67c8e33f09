import { useMemo } from "react";
import styles from "./Comments.module.css";
import { type MentionableRole, parseMentions } from "./mentions";

/**
 * A comment's text, as text (React text nodes: never markup), its line breaks kept; a
 * mention of a role is a button that selects the role on the canvas.
 */
export function CommentBody({
  body,
  roles,
  onMention,
}: {
  body: string;
  roles: readonly MentionableRole[];
  onMention(roleId: string): void;
}) {
  const segments = useMemo(() => parseMentions(body, roles), [body, roles]);
  return (
    <p className={styles.body} data-testid="comment-body">
      {segments.map((segment, i) =>
        segment.kind === "text" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one text, in order
          <span key={i}>{segment.text}</span>
        ) : (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one text, in order
            key={i}
            type="button"
            className={styles.mention}
            title="Show this role on the chart"
            data-testid="comment-mention"
            onClick={() => onMention(segment.roleId)}
          >
            {segment.text}
          </button>
        ),
      )}
    </p>
  );
}
