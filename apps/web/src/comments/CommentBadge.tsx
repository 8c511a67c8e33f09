import type { CommentTarget } from "@rolemap/contract";
import type { MouseEvent } from "react";
import styles from "./CommentBadge.module.css";
import { useOpenCommentCount, useOpenThread } from "./comment-marks";
import type { TargetKey } from "./comment-targets";

const plural = (count: number) => `${count} open comment${count === 1 ? "" : "s"}`;

/** A speech bubble, drawn (not an emoji, which every system draws differently). */
export function SpeechBubble() {
  return (
    <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2.5 2h11A1.5 1.5 0 0 1 15 3.5v7a1.5 1.5 0 0 1-1.5 1.5H7l-3.5 3v-3h-1A1.5 1.5 0 0 1 1 10.5v-7A1.5 1.5 0 0 1 2.5 2z" />
    </svg>
  );
}

/**
 * The open comments on a card, a row or a matrix cell: a speech bubble with their number
 * (nothing when there are none). Clicking it opens that target's threads; the click goes no
 * further (the card is not dragged, the cell's code menu does not open).
 */
export function CommentBadge({
  targetKey,
  target,
  name,
  placement,
  focusable = true,
}: {
  targetKey: TargetKey;
  target: CommentTarget;
  /** What the comments are on, for the label: "CTO", "Budget · CFO". */
  name: string;
  placement: "card" | "cell" | "row" | "compact";
  /** Inside a grid with one focus stop per cell, the badge is no stop of its own. */
  focusable?: boolean;
}) {
  const count = useOpenCommentCount(targetKey);
  const openThread = useOpenThread();
  if (count === 0) return null;
  const label = `${plural(count)} on ${name}`;
  const open = (event: MouseEvent) => {
    event.stopPropagation();
    openThread?.(target);
  };
  return (
    <button
      type="button"
      className={`${styles.badge} nodrag nopan`}
      data-placement={placement}
      data-testid="comment-badge"
      data-count={count}
      aria-label={label}
      title={`${label}: show them`}
      tabIndex={focusable ? undefined : -1}
      onClick={open}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      <SpeechBubble />
      <span>{count}</span>
    </button>
  );
}
