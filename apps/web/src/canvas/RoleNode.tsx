import { Handle, type NodeProps, Position, useStore } from "@xyflow/react";
import {
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  memo,
  useId,
  useRef,
} from "react";
import { CommentBadge } from "../comments/CommentBadge";
import { useOpenCommentCount } from "../comments/comment-marks";
import { roleKey } from "../comments/comment-targets";
import { type PeerMark, usePeersOnRole } from "../workshop/presence-index";
import { useEditingPresence } from "../workshop/use-editing-presence";
import { useCanvasActions } from "./canvas-actions";
import { compactTitle } from "./compact-title";
import { RIGHT_HANDLE, type RoleFlowNode, SIDE_HANDLE } from "./flow-mapping";
import { selectIsCompact } from "./geometry";
import styles from "./RoleNode.module.css";

/** A compact card's title lines above its marks (VACANT, findings). */
const COMPACT_MARKED_LINES = 2;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * The handles of a card, the same in every form of it: React Flow measures them in the DOM
 * when a card appears, and a card measured without them has no lines (xyflow#4888).
 * Top and bottom are where people draw lines: React Flow's handles. The side and right
 * ones are where lines into stacked cards and dotted lines from the right end
 * (flow-mapping's targetHandleOf) and are never grabbed: plain anchors that React Flow
 * measures like its handles (the same classes and data attributes), without a handle's
 * store subscription, which every card paid twice more on every frame of a drag.
 */
function CardHandles({ nodeId }: { nodeId: string }) {
  return (
    <>
      <Handle type="target" position={Position.Top} className={styles.handle} />
      <Handle type="source" position={Position.Bottom} className={styles.handle} />
      <LineAnchor nodeId={nodeId} id={SIDE_HANDLE} position={Position.Left} />
      <LineAnchor nodeId={nodeId} id={RIGHT_HANDLE} position={Position.Right} />
    </>
  );
}

function LineAnchor({ nodeId, id, position }: { nodeId: string; id: string; position: Position }) {
  return (
    <div
      className={`react-flow__handle react-flow__handle-${position} nodrag nopan target ${styles.anchor}`}
      data-handleid={id}
      data-handlepos={position}
      data-nodeid={nodeId}
    />
  );
}

/**
 * A role card: title, holder or "Vacant", department, findings badge, collapse button.
 * Zoomed far out (a whole large chart in view) it is only its title in large type: as
 * readable as anything can be at that size, and a fraction of the elements to draw.
 */
function RoleNodeView({ id, data, selected }: NodeProps<RoleFlowNode>) {
  const actions = useCanvasActions();
  const isCompact = useStore(selectIsCompact);
  const peers = usePeersOnRole(id);
  const commentCount = useOpenCommentCount(roleKey(id));
  const isVacant = data.holder === null;
  const className = [
    styles.card,
    isVacant && styles.vacant,
    selected && styles.selected,
    data.isDropTarget && styles.dropTarget,
    isCompact && styles.compact,
    peers.length > 0 && styles.peerSelected,
  ]
    .filter(Boolean)
    .join(" ");

  // The same element in both forms: tests and styles find a card by these.
  const card = {
    className,
    "data-testid": "role-card",
    "data-role-id": id,
    "data-vacant": isVacant,
    "data-selected": selected,
    "data-drop-target": data.isDropTarget,
    style:
      peers[0] === undefined ? undefined : ({ "--peer-colour": peers[0].colour } as CSSProperties),
  };

  // Zoomed out, the marks a room must see stay: VACANT and the findings badge, in large type
  // below a title of two lines.
  if (isCompact && !data.isEditing) {
    const hasMarks = isVacant || data.findingCount > 0 || commentCount > 0;
    return (
      <div
        {...card}
        title={data.holder === null ? `${data.title} (vacant)` : `${data.title}: ${data.holder}`}
      >
        <div className={styles.title}>
          {compactTitle(data.title, hasMarks ? COMPACT_MARKED_LINES : undefined)}
        </div>
        {hasMarks && (
          <div className={styles.marks}>
            {isVacant && <div className={styles.vacantLabel}>Vacant</div>}
            <FindingsBadge data={data} />
            <CommentBadge
              targetKey={roleKey(id)}
              target={{ role: id }}
              name={data.title}
              placement="compact"
            />
          </div>
        )}
        <PeerLabel peers={peers} />
        <CardHandles nodeId={id} />
      </div>
    );
  }

  return (
    <div {...card}>
      {data.isEditing ? (
        <RoleEditForm id={id} data={data} />
      ) : (
        <>
          <div className={styles.title} title={data.title}>
            {data.title}
          </div>
          {isVacant ? (
            <div className={styles.vacantLabel}>Vacant</div>
          ) : (
            <div className={styles.holder} title={data.holder ?? undefined}>
              {data.holder}
            </div>
          )}
          {data.department !== null && (
            <div className={styles.department} title={data.department}>
              {data.department}
            </div>
          )}
        </>
      )}
      <FindingsBadge data={data} />
      {!data.isEditing && (
        <CommentBadge
          targetKey={roleKey(id)}
          target={{ role: id }}
          name={data.title}
          placement="card"
        />
      )}
      {data.reportCount > 0 && (
        <button
          type="button"
          className={`${styles.collapse} nodrag`}
          data-testid="collapse-toggle"
          aria-expanded={!data.isCollapsed}
          aria-label={
            data.isCollapsed
              ? `Expand ${data.title}: show ${plural(data.descendantCount, "hidden role")}`
              : `Collapse ${data.title}: hide ${plural(data.descendantCount, "role")} below`
          }
          title={data.isCollapsed ? "Show the roles below" : "Hide the roles below"}
          onClick={(event) => {
            event.stopPropagation();
            actions.toggleCollapse(id);
          }}
        >
          {data.isCollapsed ? `+${data.descendantCount}` : "−"}
        </button>
      )}
      <PeerLabel peers={peers} />
      <CardHandles nodeId={id} />
    </div>
  );
}

/** Who else has the card selected: their names above it, on the first one's colour. */
function PeerLabel({ peers }: { peers: readonly PeerMark[] }) {
  const [first] = peers;
  if (first === undefined) return null;
  const names = peers.map((peer) => peer.name).join(", ");
  return (
    <span
      className={styles.peerLabel}
      style={{ background: first.colour }}
      title={`Selected by ${names}`}
      data-testid="peer-selection"
      data-peers={names}
    >
      <span className="visually-hidden">Selected by </span>
      {names}
    </span>
  );
}

/** How many findings involve the role, coloured by the worst; nothing when none do. */
function FindingsBadge({ data }: { data: RoleFlowNode["data"] }) {
  if (data.findingCount === 0) return null;
  return (
    <span
      className={styles.badge}
      data-severity={data.worstSeverity}
      data-testid="role-findings"
      title={`${plural(data.findingCount, "finding")} involve this role`}
    >
      <span aria-hidden="true">{data.worstSeverity === "error" ? "!" : "i"}</span>
      {data.findingCount}
      <span className="visually-hidden"> {plural(data.findingCount, "finding")}</span>
    </span>
  );
}

/** Title, holder and department as fields. Enter saves, Escape cancels, leaving the form saves. */
function RoleEditForm({ id, data }: Pick<NodeProps<RoleFlowNode>, "id" | "data">) {
  const actions = useCanvasActions();
  const form = useRef<HTMLFormElement>(null);
  const done = useRef(false);
  const fieldId = useId();
  useEditingPresence("role", id, "title");

  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    const fields = form.current?.elements;
    const value = (name: string) => {
      const field = fields?.namedItem(name);
      return field instanceof HTMLInputElement ? field.value : "";
    };
    actions.finishEdit(
      id,
      save
        ? { title: value("title"), holder: value("holder"), department: value("department") }
        : null,
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed here belong to the fields, not to the canvas (Delete, arrows, Ctrl+Z).
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      finish(false);
    } else if (event.key === "Enter") {
      event.preventDefault();
      finish(true);
    }
  };
  const onBlur = (event: FocusEvent) => {
    if (!form.current?.contains(event.relatedTarget as Node | null)) finish(true);
  };

  return (
    <form
      ref={form}
      className={`${styles.editForm} nodrag nopan nowheel`}
      aria-label={`Edit ${data.title}`}
      onSubmit={(event) => {
        event.preventDefault();
        finish(true);
      }}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <label className="visually-hidden" htmlFor={`${fieldId}-title`}>
        Title
      </label>
      <input
        id={`${fieldId}-title`}
        name="title"
        className={styles.editTitle}
        defaultValue={data.title}
        required
        maxLength={200}
        // biome-ignore lint/a11y/noAutofocus: the user asked to edit this card
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
      />
      <label className="visually-hidden" htmlFor={`${fieldId}-holder`}>
        Holder (empty: vacant)
      </label>
      <input
        id={`${fieldId}-holder`}
        name="holder"
        className={styles.editField}
        defaultValue={data.holder ?? ""}
        placeholder="Vacant (name the holder)"
        maxLength={200}
      />
      <label className="visually-hidden" htmlFor={`${fieldId}-department`}>
        Department
      </label>
      <input
        id={`${fieldId}-department`}
        name="department"
        className={styles.editField}
        defaultValue={data.department ?? ""}
        placeholder="Department"
        maxLength={200}
      />
    </form>
  );
}

/**
 * React Flow passes new position props on every frame of a drag; the card looks the same,
 * so it re-renders only when its data (a new object per change, see flow-mapping) or its
 * selection changes.
 */
export const RoleNode = memo(
  RoleNodeView,
  (before, after) =>
    before.data === after.data && before.selected === after.selected && before.id === after.id,
);
