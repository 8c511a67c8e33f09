import { useEffect, useRef } from "react";
import {
  type ChartEditor,
  type EditorState,
  type Me,
  type Peer,
  useEditorSelector,
} from "../editor";
import { Avatar } from "./Avatar";
import { describeActivity } from "./people";
import { listOfShallowEqual, usePresenceSelector } from "./use-presence-selector";
import styles from "./WorkshopControls.module.css";

const selectDocument = (s: EditorState) => s.document;
const selectPeople = (s: { peers: readonly Peer[] }) =>
  s.peers.map(({ peer, name, colour, roles, cells, editing }) => ({
    peer,
    name,
    colour,
    roles,
    cells,
    editing,
  }));
const selectFollowing = (s: { following: string | null }) => s.following;

/**
 * Everyone on the chart, me first: their name, what they are editing or selecting, and
 * Follow / Stop following (my view then moves with theirs). Rendered only while open, so the
 * header does not re-render for every selection a peer makes.
 */
export function PeopleList({
  id,
  editor,
  me,
  onClose,
}: {
  id: string;
  editor: ChartEditor;
  me: Me | null;
  onClose(): void;
}) {
  const document = useEditorSelector(editor, selectDocument);
  const peers = usePresenceSelector(editor, selectPeople, listOfShallowEqual);
  const following = usePresenceSelector(editor, selectFollowing);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), []);

  return (
    <div
      ref={root}
      id={id}
      className={styles.popover}
      role="dialog"
      aria-label="People here"
      tabIndex={-1}
      data-testid="people-list"
    >
      <ul className={styles.list}>
        {me !== null && (
          <li className={styles.person}>
            <Avatar name={me.name} colour="var(--color-text-muted)" isMe />
            <span className={styles.who}>
              <span className={styles.name}>
                {me.name} <span className={styles.you}>(you)</span>
              </span>
            </span>
          </li>
        )}
        {peers.map((peer) => {
          const isFollowed = following === peer.peer;
          const activity = describeActivity(peer, document);
          return (
            <li
              key={peer.peer}
              className={styles.person}
              data-testid="person"
              data-peer={peer.name}
            >
              <Avatar name={peer.name} colour={peer.colour} />
              <span className={styles.who}>
                <span className={styles.name}>{peer.name}</span>
                {activity !== null && <span className={styles.activity}>{activity}</span>}
              </span>
              <button
                type="button"
                className="button button-small"
                aria-pressed={isFollowed}
                aria-label={isFollowed ? `Stop following ${peer.name}` : `Follow ${peer.name}`}
                title={
                  isFollowed
                    ? "Stop following: your view stays where it is"
                    : `Follow ${peer.name}: your view moves with theirs until you pan or zoom`
                }
                onClick={() => {
                  editor.follow(isFollowed ? null : peer.peer);
                  if (!isFollowed) onClose();
                }}
                data-testid={`follow-${peer.name}`}
              >
                {isFollowed ? "Stop following" : "Follow"}
              </button>
            </li>
          );
        })}
      </ul>
      {peers.length === 0 && (
        <p className={styles.alone}>Nobody else is on this chart right now.</p>
      )}
    </div>
  );
}
