import type { PeerPresence } from "@rolemap/contract";
import type { CellRef, Peer, PresenceState, PresenceStore } from "./types";

/** Eight colours that read on white and on the card backgrounds, distinct for colour-blind eyes too. */
export const PEER_COLOURS = [
  "#0f766e",
  "#b45309",
  "#7c3aed",
  "#be123c",
  "#1d4ed8",
  "#4d7c0f",
  "#a21caf",
  "#0e7490",
] as const;

/** The same colour for a peer in every tab: a hash of its id. */
export function peerColour(peer: string): string {
  let hash = 0;
  for (let i = 0; i < peer.length; i++) hash = (hash * 31 + peer.charCodeAt(i)) | 0;
  return PEER_COLOURS[Math.abs(hash) % PEER_COLOURS.length] as string;
}

export interface WritablePresenceStore extends PresenceStore {
  /** The welcome's list: everyone else on the chart now. */
  reset(peers: readonly PeerPresence[]): void;
  /** Peers joined, moved or selected, in order: only the fields each message carries change. */
  update(messages: PeerPresence | readonly PeerPresence[]): void;
  leave(peer: string): void;
  setFollowing(peer: string | null): void;
  /** Forgets everyone (the connection is gone: their presence is no longer known). */
  clear(): void;
}

const EMPTY: PresenceState = { peers: [], following: null };

export function createPresenceStore(now: () => number = Date.now): WritablePresenceStore {
  let state = EMPTY;
  const listeners = new Set<() => void>();
  const set = (next: PresenceState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const merged = (before: Peer | undefined, message: PeerPresence): Peer => {
    const selection = message.selection;
    return {
      peer: message.peer,
      name: message.name,
      colour: before?.colour ?? peerColour(message.peer),
      roles:
        selection === undefined
          ? (before?.roles ?? [])
          : selection.filter((item): item is string => typeof item === "string"),
      cells:
        selection === undefined
          ? (before?.cells ?? [])
          : selection.filter((item): item is CellRef => typeof item !== "string"),
      cursor: message.cursor === undefined ? (before?.cursor ?? null) : message.cursor,
      viewport: message.viewport ?? before?.viewport ?? null,
      editing: message.editing === undefined ? (before?.editing ?? null) : message.editing,
      seenAt: now(),
    };
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset(peers) {
      const next = peers.map((message) => merged(undefined, message));
      const following = next.some((p) => p.peer === state.following) ? state.following : null;
      set({ peers: next, following });
    },
    update(messages) {
      const list = "peer" in messages ? [messages] : messages;
      if (list.length === 0) return;
      const peers = [...state.peers];
      for (const message of list) {
        const at = peers.findIndex((p) => p.peer === message.peer);
        const peer = merged(peers[at], message);
        if (at === -1) peers.push(peer);
        else peers[at] = peer;
      }
      set({ ...state, peers });
    },
    leave(peer) {
      if (!state.peers.some((p) => p.peer === peer)) return;
      set({
        peers: state.peers.filter((p) => p.peer !== peer),
        following: state.following === peer ? null : state.following,
      });
    },
    setFollowing(peer) {
      if (peer !== state.following) set({ ...state, following: peer });
    },
    clear() {
      if (state !== EMPTY) set({ peers: [], following: state.following });
    },
  };
}
