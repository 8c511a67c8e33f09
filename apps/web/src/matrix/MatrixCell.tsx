// biome-ignore-all lint/a11y/useSemanticElements: a windowed ARIA grid of divs; table elements cannot render only the visible rows and columns with sticky headers.
// biome-ignore-all lint/a11y/useFocusableInteractive: one cell of the grid is focusable at a time (roving tabindex); headers and rows are not focus stops.
import type { RaciCode, Severity } from "@rolemap/contract";
import { memo } from "react";
import { CommentBadge } from "../comments/CommentBadge";
import { useOpenCommentCount } from "../comments/comment-marks";
import { cellKey as commentCellKey } from "../comments/comment-targets";
import { RoundCellMark } from "../rounds/RoundCellMark";
import type { RoundCellState } from "../rounds/silent-round-context";
import { usePeersOnCell } from "../workshop/presence-index";
import { cx } from "./cx";
import styles from "./ResponsibilityMatrix.module.css";
import { SEVERITY_SYMBOLS } from "./severity";

export interface MatrixCellProps {
  /** "row:col" — the grid finds the cell of a click or key press by it. */
  pos: string;
  roleId: string;
  responsibilityId: string;
  codes: readonly RaciCode[];
  /** "<role title> – <responsibility name>: <codes or none>". */
  label: string;
  colIndex: number;
  isActive: boolean;
  isSelected: boolean;
  severity: Severity | null;
  /** The messages of the findings touching the cell, one per line. */
  messages: string | null;
  descriptionId: string | null;
  /** Codes can be changed (a menu opens); false on a read-only chart. */
  canEdit: boolean;
  /** Part of the shown silent round: private entry, or the revealed tally. */
  round?: RoundCellState | undefined;
}

const CODE_CLASS: Record<RaciCode, string | undefined> = {
  A: styles.codeA,
  R: styles.codeR,
  S: styles.codeS,
  C: styles.codeC,
  I: styles.codeI,
};

/** One role × responsibility cell. Events are handled by the grid (delegation). */
export const MatrixCell = memo(function MatrixCell({
  pos,
  roleId,
  responsibilityId,
  codes,
  label,
  colIndex,
  isActive,
  isSelected,
  severity,
  messages,
  descriptionId,
  canEdit,
  round,
}: MatrixCellProps) {
  // Peers with this cell selected (live workshop): an outline in the first one's colour.
  const peers = usePeersOnCell(roleId, responsibilityId);
  const peerNames = peers.length === 0 ? undefined : peers.map((peer) => peer.name).join(", ");
  const commentKey = commentCellKey(roleId, responsibilityId);
  const comments = useOpenCommentCount(commentKey);
  return (
    <div
      role="gridcell"
      aria-label={
        comments === 0 ? label : `${label}; ${comments} open comment${comments === 1 ? "" : "s"}`
      }
      aria-colindex={colIndex}
      aria-describedby={descriptionId ?? undefined}
      aria-haspopup={canEdit ? "menu" : undefined}
      aria-readonly={canEdit ? undefined : true}
      tabIndex={isActive ? 0 : -1}
      title={
        peerNames === undefined
          ? (messages ?? undefined)
          : [messages, `Selected by ${peerNames}`].filter(Boolean).join("\n")
      }
      style={
        peers[0] === undefined
          ? undefined
          : { outline: `3px solid ${peers[0].colour}`, outlineOffset: "-3px" }
      }
      className={cx(
        styles.cell,
        severity !== null && styles[`tint-${severity}`],
        isSelected && styles.cellSelected,
      )}
      data-pos={pos}
      data-testid={`cell-${roleId}-${responsibilityId}`}
      data-codes={codes.join("")}
      data-round={round?.kind}
      data-severity={severity ?? undefined}
      data-peers={peerNames}
    >
      {round !== undefined && <RoundCellMark state={round} />}
      <span className={styles.codes} aria-hidden="true">
        {codes.map((code, i) => (
          <span key={code}>
            {i > 0 && <span className={styles.codeSeparator}>/</span>}
            <span className={CODE_CLASS[code]}>{code}</span>
          </span>
        ))}
      </span>
      {severity !== null && (
        <span className={styles.marker} aria-hidden="true">
          {SEVERITY_SYMBOLS[severity]}
        </span>
      )}
      <CommentBadge
        targetKey={commentKey}
        target={{ role: roleId, responsibility: responsibilityId }}
        name="this cell"
        placement="cell"
        focusable={false}
      />
      {descriptionId !== null && (
        <span id={descriptionId} hidden>
          {messages}
        </span>
      )}
    </div>
  );
});
