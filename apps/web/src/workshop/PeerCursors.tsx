import { useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { ChartEditor, Peer } from "../editor";
import { type CursorTrack, cursorAt, isCursorShown, isGliding, retarget } from "./cursor-motion";
import styles from "./PeerCursors.module.css";
import { listOfShallowEqual, usePresenceSelector } from "./use-presence-selector";

const selectWho = (s: { peers: readonly Peer[] }) =>
  s.peers.map(({ peer, name, colour }) => ({ peer, name, colour }));

/** How often idle cursors are looked for (hidden after 30 s without news). */
const IDLE_CHECK_MS = 1000;

/**
 * Peers' pointers on the canvas: an arrow and a name in each peer's colour, in a layer of
 * their own above the canvas (not inside the layer that pans and zooms with the cards: a
 * cursor moving in there made the browser redraw the 1,000 cards' layer every frame, which
 * halved the frame rate with twenty peers). React renders one element per peer when peers
 * come and go; their screen positions (chart position × zoom + pan) are written straight to
 * each element's transform, once a frame while a cursor glides or the view moves
 * (cursor-motion.ts) — the canvas does not re-render for a moving pointer.
 */
export function PeerCursors({ editor }: { editor: ChartEditor }) {
  const who = usePresenceSelector(editor, selectWho, listOfShallowEqual);
  const store = useStoreApi();
  const elements = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    const tracks = new Map<string, CursorTrack>();
    const drawn = new Map<string, Peer>();
    let frame = 0;

    const paint = () => {
      frame = 0;
      const now = performance.now();
      const wallClock = Date.now();
      const [panX, panY, zoom] = store.getState().transform;
      let isMoving = false;
      for (const [peer, element] of elements.current) {
        const state = drawn.get(peer);
        const track = tracks.get(peer);
        if (state === undefined || track === undefined || !isCursorShown(state, wallClock)) {
          element.hidden = true;
          continue;
        }
        const point = cursorAt(track, now);
        element.hidden = false;
        // On screen: the arrow and the name keep their size at every zoom.
        element.style.transform = `translate(${point.x * zoom + panX}px, ${point.y * zoom + panY}px)`;
        if (isGliding(track, now)) isMoving = true;
      }
      if (isMoving) frame = requestAnimationFrame(paint);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    };

    const take = () => {
      const now = performance.now();
      const { peers } = editor.presence.getState();
      for (const peer of drawn.keys())
        if (!peers.some((p) => p.peer === peer)) {
          drawn.delete(peer);
          tracks.delete(peer);
        }
      for (const peer of peers) {
        if (drawn.get(peer.peer) === peer) continue;
        drawn.set(peer.peer, peer);
        if (peer.cursor === null) tracks.delete(peer.peer);
        else tracks.set(peer.peer, retarget(tracks.get(peer.peer) ?? null, peer.cursor, now));
      }
      schedule();
    };
    take();
    const stopPresence = editor.presence.subscribe(take);
    let transform = store.getState().transform;
    const stopStore = store.subscribe((s) => {
      if (s.transform === transform) return;
      transform = s.transform;
      schedule();
    });
    const idle = setInterval(schedule, IDLE_CHECK_MS);
    return () => {
      stopPresence();
      stopStore();
      clearInterval(idle);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [editor, store]);

  return (
    <div className={styles.layer} aria-hidden="true">
      {who.map(({ peer, name, colour }) => (
        <div
          key={peer}
          ref={(element) => {
            if (element === null) elements.current.delete(peer);
            else elements.current.set(peer, element);
          }}
          className={styles.cursor}
          style={{ color: colour }}
          data-testid="peer-cursor"
          data-peer={name}
          hidden
        >
          <svg
            className={styles.arrow}
            width="18"
            height="22"
            viewBox="0 0 18 22"
            aria-hidden="true"
          >
            <path d="M1 1 L1 18 L5.5 13.8 L8.6 20.6 L11.6 19.2 L8.6 12.6 L15 12.6 Z" />
          </svg>
          <span className={styles.label} style={{ background: colour }}>
            {name}
          </span>
        </div>
      ))}
    </div>
  );
}
