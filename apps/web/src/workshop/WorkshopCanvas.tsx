import { useReactFlow } from "@xyflow/react";
import type { ReactNode } from "react";
import { ViewportPortalContext } from "../canvas/viewport-portal";
import type { ChartEditor, Peer } from "../editor";
import { PeerCursors } from "./PeerCursors";
import { usePresenceSelector } from "./use-presence-selector";
import { useWorkshopPresence } from "./use-workshop-presence";
import styles from "./WorkshopCanvas.module.css";
import { WorkshopEditorContext } from "./workshop-context";

/**
 * The layers around the canvas's React Flow (inside its provider): the viewport portal for
 * what pans and zooms with the cards (`portalTarget`, see canvas/viewport-portal.tsx) and the
 * live workshop — the editor for the cards' peer rings, my pointer and view published,
 * summons and following applied, peers' cursors, and a line saying whom this view follows.
 */
export function WorkshopCanvas({
  editor,
  portalTarget,
  children,
}: {
  editor: ChartEditor;
  portalTarget: HTMLElement | null;
  children: ReactNode;
}) {
  const flow = useReactFlow();
  const { notice } = useWorkshopPresence(editor, flow);
  return (
    <ViewportPortalContext.Provider value={portalTarget}>
      <WorkshopEditorContext.Provider value={editor}>
        {children}
        <PeerCursors editor={editor} />
        <FollowBanner editor={editor} notice={notice?.message ?? null} />
      </WorkshopEditorContext.Provider>
    </ViewportPortalContext.Provider>
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
