import type { CommentTarget } from "@rolemap/contract";
import type { TargetName } from "./comment-targets";
import type { MentionableRole } from "./mentions";

/** What every thread and comment of the panel shares: who may do what, and the chart's roles. */
export interface ThreadTools {
  chartId: string;
  /** Comment level or more: write, reply, resolve. */
  canComment: boolean;
  /** The owner deletes anyone's comment. */
  isOwner: boolean;
  roles: readonly MentionableRole[];
  /** A mention was clicked: select the role on the canvas. */
  showRole(roleId: string): void;
  describe(target: CommentTarget): TargetName;
  /** Select a thread's target (the panel then shows its threads). */
  selectTarget(target: CommentTarget): void;
}
