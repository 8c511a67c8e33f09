import type { Peer } from "../editor";

/**
 * Peers' cursors between presence messages (pure). Presence arrives 10–20 times a second;
 * drawn where each message puts it, a cursor would jump. Instead each cursor glides from
 * where it is drawn now to the latest position over about one message interval, at an even
 * speed, so a steady stream of messages draws a steady motion.
 */
export interface Point {
  x: number;
  y: number;
}

export interface CursorTrack {
  from: Point;
  to: Point;
  /** When the glide from `from` to `to` began (ms, the clock of `requestAnimationFrame`). */
  start: number;
  duration: number;
}

export const CURSOR_GLIDE_MS = 100;
/** A peer silent for this long has their cursor hidden (they may have walked away). */
export const CURSOR_IDLE_MS = 30_000;

/** Where the cursor is drawn at `now`: on the straight line from `from` to `to`. */
export function cursorAt(track: CursorTrack, now: number): Point {
  const t = track.duration <= 0 ? 1 : (now - track.start) / track.duration;
  if (t >= 1) return track.to;
  if (t <= 0) return track.from;
  return {
    x: track.from.x + (track.to.x - track.from.x) * t,
    y: track.from.y + (track.to.y - track.from.y) * t,
  };
}

/**
 * The track after a new position arrived at `now`: from where the cursor is drawn now (so a
 * message mid-glide bends the path instead of jumping), or straight at `to` for a cursor that
 * was not shown (it appears where it is).
 */
export function retarget(
  track: CursorTrack | null,
  to: Point,
  now: number,
  duration = CURSOR_GLIDE_MS,
): CursorTrack {
  if (track === null) return { from: to, to, start: now, duration: 0 };
  if (track.to.x === to.x && track.to.y === to.y) return track;
  return { from: cursorAt(track, now), to, start: now, duration };
}

export function isGliding(track: CursorTrack, now: number): boolean {
  return now < track.start + track.duration;
}

/** A cursor is drawn while the peer points at the canvas and was heard from lately. */
export function isCursorShown(peer: Pick<Peer, "cursor" | "seenAt">, now: number): boolean {
  return peer.cursor !== null && now - peer.seenAt <= CURSOR_IDLE_MS;
}
