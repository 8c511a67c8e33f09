import { useReactFlow } from "@xyflow/react";
import type { ReactNode } from "react";
import type { ChartEditor, Peer } from "../editor";
import { PeerCursors } from "./PeerCursors";
import { usePresenceSelector } from "./use-presence-selector";
import { useWorkshopPresence } from "./use-workshop-presence";
import styles from "./WorkshopCanvas.module.css";
import { WorkshopEditorContext } from "./workshop-context";

/**
 * The live workshop around the canvas's React Flow (inside its provider): gives the cards the
 * editor for their peer rings, publishes my pointer and view, applies summons and following,
 * and draws peers' cursors and a line saying whom this view follows.
 */
export function WorkshopCanvas({ editor, children }: { editor: ChartEditor; children: ReactNode }) {
  const flow = useReactFlow();
  const { notice } = useWorkshopPresence(editor, flow);
  return (
    <WorkshopEditorContext.Provider value={editor}>
      {children}
      <PeerCursors editor={editor} />
      <FollowBanner editor={editor} notice={notice?.message ?? null} />
    </WorkshopEditorContext.Provider>
  );
}

const selectFollowed = (s: { peers: readonly Peer[]; following: string | null }) =>
  s.peers.find((p) => p.peer === s.following) ?? null;
const sameFollowed = (a: Peer | null, b: Peer | null) =>
  a === b ||
  (a !== null && b !== null && a.peer === b.peer && a.name === b.name && a.colour === b.colour);

/** "Following Ada — Stop", or for a few seconds what the view did ("Stopped following Ada"). */
function FollowBanner({ editor, notice }: { editor: ChartEditor; notice: string | null }) {
  const followed = usePresenceSelector(editor, selectFollowed, sameFollowed);
  return (
    <div className={styles.banner} role="status" aria-live="polite" data-testid="follow-status">
      {followed !== null ? (
        <span className={styles.line} style={{ borderColor: followed.colour }}>
          Following <strong>{followed.name}</strong>
          <button
            type="button"
            className="button button-small"
            onClick={() => editor.follow(null)}
            data-testid="stop-following"
          >
            Stop
          </button>
        </span>
      ) : notice !== null ? (
        <span className={styles.line}>{notice}</span>
      ) : null}
    </div>
  );
}
