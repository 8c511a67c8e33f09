import { useCallback, useSyncExternalStore } from "react";
import type { Peer, PresenceState, PresenceStore } from "../editor";
import { listOfShallowEqual } from "./use-presence-selector";
import { useWorkshopEditor } from "./workshop-context";

/** A peer as a card or a matrix cell marks it: a ring in their colour with their name. */
export interface PeerMark {
  peer: string;
  name: string;
  colour: string;
}

const NO_MARKS: readonly PeerMark[] = [];

/**
 * Which peers select each role (or cell), kept up to date from the presence store and
 * announced per key: a cursor moving (most presence messages) costs one pass over the peers
 * and notifies nobody; a peer selecting a card notifies only the cards that gained or lost
 * them, so a thousand cards do not each run a selector 200 times a second.
 */
export interface PresenceIndex {
  marksOf(key: string): readonly PeerMark[];
  subscribe(key: string, listener: () => void): () => void;
}

/** What a peer selects, as keys, and the object that changes when it does. */
interface Keyed {
  selected(peer: Peer): readonly unknown[];
  keysOf(peer: Peer): Iterable<string>;
}

export function createPresenceIndex(store: PresenceStore, keyed: Keyed): PresenceIndex {
  let peers: readonly Peer[] | null = null;
  let marks = new Map<string, readonly PeerMark[]>();
  const listeners = new Map<string, Set<() => void>>();
  let unsubscribe: (() => void) | null = null;

  const isSameSelection = (a: readonly Peer[], b: readonly Peer[]) =>
    a.length === b.length &&
    a.every((peer, i) => {
      const other = b[i] as Peer;
      return (
        peer.peer === other.peer &&
        peer.name === other.name &&
        peer.colour === other.colour &&
        keyed.selected(peer) === keyed.selected(other)
      );
    });

  /** Brings the index up to date; returns the keys whose marks changed. */
  const refresh = (state: PresenceState): string[] => {
    if (peers !== null && (peers === state.peers || isSameSelection(peers, state.peers))) {
      peers = state.peers;
      return [];
    }
    peers = state.peers;
    const next = new Map<string, PeerMark[]>();
    for (const peer of state.peers) {
      const mark = { peer: peer.peer, name: peer.name, colour: peer.colour };
      for (const key of new Set(keyed.keysOf(peer))) {
        const list = next.get(key);
        if (list === undefined) next.set(key, [mark]);
        else list.push(mark);
      }
    }
    const changed: string[] = [];
    const kept = new Map<string, readonly PeerMark[]>();
    for (const [key, list] of next) {
      const before = marks.get(key);
      if (before !== undefined && listOfShallowEqual(before, list)) kept.set(key, before);
      else {
        kept.set(key, list);
        changed.push(key);
      }
    }
    for (const key of marks.keys()) if (!next.has(key)) changed.push(key);
    marks = kept;
    return changed;
  };

  const onChange = () => {
    for (const key of refresh(store.getState())) {
      const set = listeners.get(key);
      if (set !== undefined) for (const listener of [...set]) listener();
    }
  };

  return {
    marksOf(key) {
      refresh(store.getState());
      return marks.get(key) ?? NO_MARKS;
    },
    subscribe(key, listener) {
      let set = listeners.get(key);
      if (set === undefined) {
        set = new Set();
        listeners.set(key, set);
      }
      set.add(listener);
      unsubscribe ??= store.subscribe(onChange);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
        if (listeners.size === 0 && unsubscribe !== null) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
}

/** The key of a matrix cell in the cell index. */
export const cellKey = (role: string, responsibility: string) => `${role}\u0000${responsibility}`;

const ROLES: Keyed = { selected: (peer) => peer.roles, keysOf: (peer) => peer.roles };
const CELLS: Keyed = {
  selected: (peer) => peer.cells,
  keysOf: (peer) => peer.cells.map((cell) => cellKey(cell.role, cell.responsibility)),
};

const roleIndexes = new WeakMap<PresenceStore, PresenceIndex>();
const cellIndexes = new WeakMap<PresenceStore, PresenceIndex>();

function indexOf(cache: WeakMap<PresenceStore, PresenceIndex>, store: PresenceStore, keyed: Keyed) {
  let index = cache.get(store);
  if (index === undefined) {
    index = createPresenceIndex(store, keyed);
    cache.set(store, index);
  }
  return index;
}

const EMPTY_STORE: PresenceStore = {
  getState: () => EMPTY_STATE,
  subscribe: () => () => {},
};
const EMPTY_STATE: PresenceState = { peers: [], following: null };

function useMarks(cache: WeakMap<PresenceStore, PresenceIndex>, keyed: Keyed, key: string) {
  const editor = useWorkshopEditor();
  const index = indexOf(cache, editor?.presence ?? EMPTY_STORE, keyed);
  const subscribe = useCallback(
    (listener: () => void) => index.subscribe(key, listener),
    [index, key],
  );
  const getSnapshot = useCallback(() => index.marksOf(key), [index, key]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** The peers who have this role selected (inside a workshop canvas; none elsewhere). */
export function usePeersOnRole(roleId: string): readonly PeerMark[] {
  return useMarks(roleIndexes, ROLES, roleId);
}

/** The peers who have this matrix cell selected (inside a workshop provider; none elsewhere). */
export function usePeersOnCell(roleId: string, responsibilityId: string): readonly PeerMark[] {
  return useMarks(cellIndexes, CELLS, cellKey(roleId, responsibilityId));
}
