import type { EdgeProps, NodeProps } from "@xyflow/react";
import { memo } from "react";
import { LineEdge } from "../canvas/LineEdge";
import { RoleNode } from "../canvas/RoleNode";
import styles from "./CompareCanvas.module.css";
import { type DiffFlowEdge, type DiffFlowNode, MARK_ICONS } from "./compare-flow";

/**
 * The editor's role card with the comparison's mark around it: a coloured outline and a
 * label with an icon and a word (never colour alone). A ghost (a removed role) is faint.
 */
function DiffRoleNodeView(props: NodeProps<DiffFlowNode>) {
  const { mark, isGhost } = props.data;
  return (
    <div
      className={styles.diffCard}
      data-diff={mark?.kind ?? "none"}
      data-ghost={isGhost}
      data-testid="diff-card"
      data-role-id={props.id}
    >
      <RoleNode {...props} />
      {mark !== null && (
        <span
          className={styles.mark}
          title={mark.detail}
          data-testid="diff-mark"
          data-kind={mark.kind}
        >
          <span aria-hidden="true">{MARK_ICONS[mark.kind]}</span> {mark.label}
        </span>
      )}
    </div>
  );
}

export const DiffRoleNode = memo(
  DiffRoleNodeView,
  (before, after) => before.data === after.data && before.id === after.id,
);

/** A reporting line, coloured and dashed by its mark (added, removed, changed kind). */
function DiffLineEdgeView(props: EdgeProps<DiffFlowEdge>) {
  const mark = props.data?.mark ?? null;
  return (
    <g className={styles.diffLine} data-diff={mark ?? "none"} data-testid="diff-line">
      <LineEdge {...props} />
    </g>
  );
}

export const DiffLineEdge = memo(DiffLineEdgeView);
