import type { Comment, CommentTarget } from "@rolemap/contract";
import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { TargetKey } from "./comment-targets";
import { openCountsByTarget } from "./comment-threads";

/**
 * The numbers on the comment markers: open threads per target, announced per key, so a new
 * comment on one card re-renders that card and not the thousand others.
 */
export interface CommentMarks {
  /** Open threads on a target; `ALL_OPEN` for every open thread of the chart. */
  countOf(key: TargetKey): number;
  subscribe(key: TargetKey, listener: () => void): () => void;
  /** Takes the threads as they are now; tells the keys whose count changed. */
  update(threads: readonly Comment[]): void;
}

/** The key of the chart's total of open threads (the header's count). */
export const ALL_OPEN: TargetKey = "*";

export function createCommentMarks(): CommentMarks {
  let counts = new Map<TargetKey, number>();
  const listeners = new Map<TargetKey, Set<() => void>>();
  return {
    countOf: (key) => counts.get(key) ?? 0,
    subscribe(key, listener) {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
    update(threads) {
      const next = openCountsByTarget(threads);
      let total = 0;
      for (const count of next.values()) total += count;
      next.set(ALL_OPEN, total);
      const changed = new Set<TargetKey>();
      for (const [key, count] of next) if (counts.get(key) !== count) changed.add(key);
      for (const key of counts.keys()) if (!next.has(key)) changed.add(key);
      counts = next;
      for (const key of changed) for (const listener of [...(listeners.get(key) ?? [])]) listener();
    },
  };
}

/** What the canvas's cards and the matrix's cells need of the comments: counts, and a way in. */
export interface CommentMarkers {
  marks: CommentMarks;
  /** Opens the comments panel on this target's threads. */
  openThread(target: CommentTarget): void;
}

/** Null outside the chart page (a card or a matrix rendered alone shows no markers). */
export const CommentMarkersContext = createContext<CommentMarkers | null>(null);

const noSubscription = () => () => {};
const none = () => 0;

/** Open threads on a target (0 outside a provider); re-renders only when that number changes. */
export function useOpenCommentCount(key: TargetKey): number {
  const markers = useContext(CommentMarkersContext);
  const marks = markers?.marks;
  const subscribe = useCallback(
    (listener: () => void) => marks?.subscribe(key, listener) ?? noSubscription(),
    [marks, key],
  );
  const getSnapshot = useCallback(() => marks?.countOf(key) ?? none(), [marks, key]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

export function useOpenThread(): ((target: CommentTarget) => void) | null {
  return useContext(CommentMarkersContext)?.openThread ?? null;
}
