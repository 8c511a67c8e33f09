import { type EdgeProps, type NodeProps, useStore } from "@xyflow/react";
import { memo } from "react";
import { LineEdge } from "../canvas/LineEdge";
import { RoleNode } from "../canvas/RoleNode";
import styles from "./CompareCanvas.module.css";
import { type DiffFlowEdge, type DiffFlowNode, MARK_ICONS } from "./compare-flow";

/** Below this zoom a mark is a badge on the card's corner, not a label above it. */
export const MARK_LABEL_ZOOM = 0.8;
const selectIsSmall = (s: { transform: [number, number, number] }) =>
  s.transform[2] < MARK_LABEL_ZOOM;

/**
 * The editor's role card with the comparison's mark around it: a coloured outline and a
 * label with an icon and a word (never colour alone). A ghost (a removed role) is faint.
 * Zoomed out the label would be too small to read: the icon alone, on the card's corner,
 * kept at a readable size whatever the zoom (the legend says what each icon means; the word
 * stays for screen readers and in the tooltip).
 */
function DiffRoleNodeView(props: NodeProps<DiffFlowNode>) {
  const { mark, isGhost } = props.data;
  const isCompact = useStore(selectIsSmall);
  return (
    <div
      className={styles.diffCard}
      data-diff={mark?.kind ?? "none"}
      data-ghost={isGhost}
      data-compact={isCompact}
      data-testid="diff-card"
      data-role-id={props.id}
    >
      <RoleNode {...props} />
      {mark !== null && (
        <span
          className={isCompact ? styles.markBadge : styles.mark}
          title={`${mark.label}: ${mark.detail}`}
          data-testid="diff-mark"
          data-kind={mark.kind}
        >
          <span aria-hidden="true">{MARK_ICONS[mark.kind]}</span>{" "}
          <span className={isCompact ? "visually-hidden" : undefined}>{mark.label}</span>
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
