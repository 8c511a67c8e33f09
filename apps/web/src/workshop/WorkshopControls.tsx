import { useEffect, useId, useRef, useState } from "react";
import {
  type ChartEditor,
  type EditorState,
  type Peer,
  selectCanEdit,
  selectIsOwner,
  useEditorSelector,
} from "../editor";
import { Avatar } from "./Avatar";
import { PeopleList } from "./PeopleList";
import { visibleAvatars } from "./people";
import { listOfShallowEqual, usePresenceSelector } from "./use-presence-selector";
import styles from "./WorkshopControls.module.css";

/** Me and three others fit the header's ~220 px beside the two buttons; the rest are "+N". */
const AVATAR_ROOM = 4;

const selectMe = (s: EditorState) => s.me;
const selectLock = (s: EditorState) => s.lock;
const selectIsLive = (s: EditorState) => s.connection === "live";
const selectWho = (s: { peers: readonly Peer[] }) =>
  s.peers.map(({ peer, name, colour }) => ({ peer, name, colour }));

/**
 * The header's workshop area: who is here (avatars; the list with what each does and
 * Follow), "Bring everyone here" for people who may edit, and the owner's lock (others see
 * "Locked by …" while it is locked).
 */
export function WorkshopControls({ editor }: { editor: ChartEditor }) {
  const canEdit = useEditorSelector(editor, selectCanEdit);
  const isOwner = useEditorSelector(editor, selectIsOwner);
  const isLive = useEditorSelector(editor, selectIsLive);
  const lock = useEditorSelector(editor, selectLock);
  const peers = usePresenceSelector(editor, selectWho, listOfShallowEqual);
  const [announcement, setAnnouncement] = useState("");

  return (
    <div className={styles.controls} data-testid="workshop-controls">
      <PeopleHere editor={editor} peers={peers} />
      {canEdit && (
        <button
          type="button"
          className={`button button-small ${styles.iconButton}`}
          disabled={!isLive || peers.length === 0}
          onClick={() => {
            editor.summon();
            setAnnouncement(
              `Everyone was brought to your view (${new Date().toLocaleTimeString()})`,
            );
          }}
          aria-label="Bring everyone here"
          title={
            peers.length === 0
              ? "Bring everyone here: nobody else is on the chart"
              : "Bring everyone here: move everyone's view to yours"
          }
          data-testid="summon-button"
        >
          <SummonIcon />
        </button>
      )}
      {isOwner ? (
        <button
          type="button"
          className={`button button-small ${styles.iconButton}`}
          aria-pressed={lock.locked}
          disabled={!isLive}
          onClick={() => editor.setLocked(!lock.locked)}
          aria-label={lock.locked ? "Unlock the chart" : "Lock the chart"}
          title={
            lock.locked
              ? "Locked: only you can change the chart. Click to let everyone edit again."
              : "Lock the chart: only you can change it while it is locked"
          }
          data-testid="lock-toggle"
          data-locked={lock.locked}
        >
          <LockIcon isLocked={lock.locked} />
        </button>
      ) : (
        lock.locked && (
          <span
            className={`badge ${styles.locked}`}
            title={`Locked${lock.by ? ` by ${lock.by}` : ""}: only the chart's owner can change it now`}
            data-testid="locked-badge"
          >
            <LockIcon isLocked />
            {/* The name in words for screen readers and the tooltip: the header has ~220 px. */}
            <span>Locked</span>
            {lock.by && <span className="visually-hidden"> by {lock.by}</span>}
          </span>
        )
      )}
      <span className="visually-hidden" role="status" aria-live="polite">
        {lock.locked
          ? isOwner
            ? "The chart is locked"
            : "The chart is locked: you cannot change it now"
          : ""}
        {announcement ? ` ${announcement}` : ""}
      </span>
    </div>
  );
}

/** The avatars as one button that opens the list of people. */
function PeopleHere({
  editor,
  peers,
}: {
  editor: ChartEditor;
  peers: readonly { peer: string; name: string; colour: string }[];
}) {
  const me = useEditorSelector(editor, selectMe);
  const [isOpen, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const people = [
    ...(me === null
      ? []
      : [{ peer: me.peer, name: me.name, colour: "var(--color-text-muted)", isMe: true }]),
    ...peers.map((peer) => ({ ...peer, isMe: false })),
  ];
  const { shown, more } = visibleAvatars(people, AVATAR_ROOM);
  const count = peers.length + (me === null ? 0 : 1);

  // Closes on a press outside and on Escape (then the focus goes back to the avatars).
  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [isOpen]);

  const label =
    peers.length === 0
      ? "Only you are here"
      : `${count} ${count === 1 ? "person" : "people"} here: ${people.map((p) => (p.isMe ? `${p.name} (you)` : p.name)).join(", ")}`;

  return (
    <div ref={root} className={styles.people}>
      <button
        ref={trigger}
        type="button"
        className={styles.avatars}
        aria-expanded={isOpen}
        aria-controls={isOpen ? listId : undefined}
        aria-label={`${label}. Show who is here`}
        title={label}
        onClick={() => setOpen((open) => !open)}
        data-testid="people-here"
        data-count={count}
      >
        {shown.map((person) => (
          <Avatar key={person.peer} name={person.name} colour={person.colour} isMe={person.isMe} />
        ))}
        {more > 0 && <span className={styles.more}>+{more}</span>}
      </button>
      {isOpen && (
        <PeopleList
          id={listId}
          editor={editor}
          me={me}
          onClose={() => {
            setOpen(false);
            trigger.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function SummonIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" className={styles.icon}>
      <circle cx="12" cy="12" r="3" fill="currentColor" />
      <path
        d="M12 2v5m0 10v5M2 12h5m10 0h5M9.5 4.5 12 7l2.5-2.5M9.5 19.5 12 17l2.5 2.5M4.5 9.5 7 12l-2.5 2.5M19.5 9.5 17 12l2.5 2.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function LockIcon({ isLocked }: { isLocked: boolean }) {
  return (
    <svg width="16" height="18" viewBox="0 0 20 22" aria-hidden="true" className={styles.icon}>
      <rect x="2.5" y="9.5" width="15" height="11" rx="2" fill="currentColor" />
      <path
        d={isLocked ? "M6 9.5V6.5a4 4 0 0 1 8 0v3" : "M6 9.5V6.5a4 4 0 0 1 7.7-1.5"}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}
