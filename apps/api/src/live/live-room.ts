import type { AppliedMessage, PeerPresence, ServerMessage } from "@rolemap/contract";
import type { LogEntry } from "../services/chart-store";

/** What a room needs of a connection. */
export interface RoomMember {
  readonly peer: string;
  /** The presence it last sent, stamped (for the welcome of those who join later). */
  readonly presence: PeerPresence;
  /** Sends a message as is. */
  send(message: ServerMessage | string): void;
  /** Receives an `applied` in version order; the member skips versions it already has. */
  applied(message: AppliedMessage, text: string): void;
}

export const appliedOf = (entry: LogEntry): AppliedMessage => ({
  type: "applied",
  version: entry.version,
  batch: entry.batchId,
  by: { peer: entry.author.peer, name: entry.author.name },
  operations: entry.operations,
});

/**
 * The live connections of one chart in this process and the peers other processes hold.
 * Changes reach members in version order with no gap: a commit of this process arrives
 * whole, one of another process as a poke, then read from the operation log; a version
 * that arrives early waits for the ones before it.
 */
export function createRoom(
  chartId: string,
  readLog: (afterVersion: number, toVersion: number) => Promise<LogEntry[] | undefined>,
  onStale: () => void,
  /** A log read failed (the database is away): the next poke or heal tries again. */
  onError: (error: unknown) => void,
) {
  const members = new Set<RoomMember>();
  /** Peers held by other processes, with when they were last heard of. */
  const remote = new Map<string, { presence: PeerPresence; heardAt: number }>();
  /** The last version sent to members; undefined until the room knows where it starts. */
  let version: number | undefined;
  const early = new Map<number, AppliedMessage>();
  let wanted = 0;
  let fetching = false;

  const send = (message: AppliedMessage) => {
    const text = JSON.stringify(message);
    for (const member of members) member.applied(message, text);
    version = message.version;
  };

  const drain = () => {
    if (version === undefined) return;
    for (let next = early.get(version + 1); next !== undefined; next = early.get(version + 1)) {
      early.delete(next.version);
      send(next);
    }
    for (const key of early.keys()) if (key <= version) early.delete(key);
    if (wanted > version) void fetch();
  };

  /** Reads the versions between what was sent and what is wanted from the log. */
  const fetch = async () => {
    if (fetching || version === undefined) return;
    fetching = true;
    try {
      while (version !== undefined && wanted > version) {
        const from: number = version;
        const entries = await readLog(from, wanted);
        if (entries === undefined) {
          // The log cannot replay this stretch (rows from before the live protocol):
          // members reconnect and get the whole chart.
          version = wanted;
          early.clear();
          onStale();
          break;
        }
        for (const entry of entries)
          if (version !== undefined && entry.version === version + 1) send(appliedOf(entry));
        if (version === from) break; // nothing new could be read: try again on the next poke
        drain();
      }
    } catch (error) {
      onError(error);
    } finally {
      fetching = false;
    }
  };

  return {
    chartId,
    members,
    /** Where the room starts: the chart's version when its first member came. */
    start(at: number) {
      if (version !== undefined) return;
      version = at;
      drain();
    },
    /** A commit of this process, whole. */
    deliver(entry: LogEntry) {
      if (version !== undefined && entry.version <= version) return;
      if (version !== undefined && entry.version === version + 1) {
        send(appliedOf(entry));
        drain();
        return;
      }
      early.set(entry.version, appliedOf(entry));
      wanted = Math.max(wanted, entry.version - 1);
      void fetch();
    },
    /** Another process committed `at` (or the periodic check found the chart there). */
    poke(at: number) {
      if (version !== undefined && at <= version) return;
      wanted = Math.max(wanted, at);
      void fetch();
    },
    /** Sends to every member but `except` (a presence is not echoed to its sender). */
    broadcast(message: ServerMessage, except?: RoomMember) {
      const text = JSON.stringify(message);
      for (const member of members) if (member !== except) member.send(text);
    },
    /** Everyone's presence but `member`'s own. */
    peersFor(member: RoomMember): PeerPresence[] {
      const peers: PeerPresence[] = [];
      for (const other of members) if (other !== member) peers.push(other.presence);
      for (const { presence } of remote.values()) peers.push(presence);
      return peers;
    },
    remotePresence(presence: PeerPresence, now: number) {
      const held = remote.get(presence.peer);
      const merged = held === undefined ? presence : { ...held.presence, ...presence };
      remote.set(presence.peer, { presence: merged, heardAt: now });
      this.broadcast(presence);
    },
    remoteLeave(peer: string) {
      if (remote.delete(peer)) this.broadcast({ type: "leave", peer });
    },
    /** Forgets remote peers not heard of for `silenceMs` (live.md: 30 s). */
    expire(now: number, silenceMs: number) {
      for (const [peer, { heardAt }] of remote)
        if (now - heardAt > silenceMs) this.remoteLeave(peer);
    },
    get version() {
      return version;
    },
    get empty() {
      return members.size === 0;
    },
  };
}

export type Room = ReturnType<typeof createRoom>;
