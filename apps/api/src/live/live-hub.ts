import {
  type AccessLevel,
  LIVE_CLOSE,
  LIVE_SILENCE_MS,
  type PeerPresence,
  type ServerMessage,
  type WelcomeMessage,
} from "@rolemap/contract";
import type { Logger } from "pino";
import type { WebSocket } from "ws";
import type { Principal } from "../auth/principal";
import { hashSecret } from "../auth/secrets";
import type { AuthService } from "../services/auth-service";
import type { ChartAccess } from "../services/chart-access";
import type { ChartStore } from "../services/chart-store";
import type { ChartWriter } from "../services/chart-writer";
import type { BusEvent, ChangeBus } from "./bus";
import { createLiveConnection, type Identity, type LiveConnection } from "./live-connection";
import { appliedOf, createRoom, type Room } from "./live-room";

/** How long a shutdown waits for clients to answer the close frame before cutting them off. */
const CLOSE_GRACE_MS = 1000;

export interface HubOptions {
  /** Beyond this many versions behind, a reconnecting client gets the chart, not the log. */
  catchUpLimit: number;
  /** WebSocket pings, silent peers, remote presence kept alive. */
  heartbeatMs: number;
  /** A peer heard nothing from (not even a pong) for this long is gone (live.md: 30 s). */
  silenceMs: number;
  /** Charts' versions compared with what was sent: heals a lost poke. */
  healMs: number;
  /** Every connection's credential and access checked again. */
  recheckMs: number;
}

export const DEFAULT_HUB_OPTIONS: HubOptions = {
  catchUpLimit: 1000,
  heartbeatMs: 10_000,
  silenceMs: LIVE_SILENCE_MS,
  healMs: 5_000,
  recheckMs: 30_000,
};

export interface HubDeps {
  store: ChartStore;
  writer: ChartWriter;
  auth: AuthService;
  access: ChartAccess;
  bus: ChangeBus;
  logger: Logger;
  options?: Partial<HubOptions>;
}

/**
 * The live side of every chart in this process: rooms of connections, what the other
 * processes say (the bus), and the timers that keep it honest (heartbeats, healing,
 * re-checking access).
 */
export function createLiveHub({ store, writer, auth, access, bus, logger, options }: HubDeps) {
  const { catchUpLimit, heartbeatMs, silenceMs, healMs, recheckMs } = {
    ...DEFAULT_HUB_OPTIONS,
    ...options,
  };
  const rooms = new Map<string, Room>();
  let closed = false;
  const connections = new Set<{ connection: LiveConnection; socket: WebSocket }>();

  const roomFor = (chartId: string): Room => {
    let room = rooms.get(chartId);
    if (room === undefined) {
      const created = createRoom(
        chartId,
        (after, to) => store.readLog(chartId, after, to),
        () => {
          for (const member of created.members)
            (member as LiveConnection).close(LIVE_CLOSE.goingAway, "reconnect to resynchronise");
        },
        (error) => logger.warn({ err: error, chart: chartId }, "live: could not read the log"),
      );
      room = created;
      rooms.set(chartId, room);
    }
    return room;
  };

  const closeChart = (chartId: string, code: number, reason: string) => {
    for (const { connection } of connections)
      if (connection.chartId === chartId) connection.close(code, reason);
  };

  const levelOf = async (
    identity: Identity,
  ): Promise<AccessLevel | "unauthenticated" | undefined> => {
    const principal = await auth.fromCredential(identity.credential);
    if (principal === undefined) return "unauthenticated";
    return access.level(principal, identity.chartId);
  };

  /**
   * Where a client starts: the changes since its `since` from the log, or the whole chart
   * (no `since`, too far behind, ahead, or a stretch the log cannot replay).
   */
  const startOf = async (
    chartId: string,
    since: number | null,
    current: number,
  ): Promise<Pick<WelcomeMessage, "version" | "ops" | "chart"> | undefined> => {
    if (since !== null && since > 0 && since <= current && current - since <= catchUpLimit) {
      const entries = await store.readLog(chartId, since, current);
      if (entries !== undefined) return { version: current, ops: entries.map(appliedOf) };
    }
    const chart = await store.get(chartId);
    return chart === undefined ? undefined : { version: chart.version, chart: chart.document };
  };

  /** Connections to a chart or to its scenarios, whose access passes through it. */
  const onChartOrItsScenarios = (chartId: string) => async (connection: LiveConnection) =>
    connection.chartId === chartId || (await access.originalOf(connection.chartId)) === chartId;

  /** Checks each connection's access again: revoked ones close, changed levels apply. */
  const recheck = async (filter: (connection: LiveConnection) => boolean | Promise<boolean>) => {
    for (const { connection } of [...connections]) {
      try {
        if (!(await filter(connection))) continue;
        const level = await levelOf(connection.identity);
        if (level === "unauthenticated")
          connection.close(LIVE_CLOSE.unauthenticated, "the session or token has ended");
        else if (level === undefined)
          connection.close(LIVE_CLOSE.revoked, "access to this chart was removed");
        else connection.setLevel(level);
      } catch (error) {
        logger.warn({ err: error, chart: connection.chartId }, "live: could not re-check access");
      }
    }
  };

  /**
   * A deleted chart's scenarios lose the access they had through it, but their link to it is
   * gone with it (`scenario_of` is cleared), so which connections were its scenarios' cannot
   * be asked any more: every connection is checked (a deletion is rare; a check is a lookup).
   */
  const recheckAfterRemoval = () => recheck(() => true);

  const handleRemote = (event: BusEvent) => {
    if (event.type === "sessionEnded") return closeSession(event.session);
    const room = rooms.get(event.chart);
    switch (event.type) {
      case "commit":
        return room?.poke(event.version);
      case "presence":
        return room?.remotePresence(event.presence, Date.now());
      case "leave":
        return room?.remoteLeave(event.peer);
      case "summon":
        return room?.broadcast(event.message);
      case "locked":
        return room?.broadcast({ type: "locked", locked: event.locked, by: event.by });
      case "access":
        return void recheck(onChartOrItsScenarios(event.chart));
      case "removed":
        closeChart(event.chart, LIVE_CLOSE.deleted, "the chart was deleted");
        return void recheckAfterRemoval();
      case "announce":
        return room?.broadcast(event.message);
      case "roster":
        if (room !== undefined)
          for (const member of room.members)
            bus.publish({ type: "presence", chart: event.chart, presence: member.presence });
    }
  };
  bus.subscribe(handleRemote);

  /** A signed-out session's connections close now (4401), not at the next re-check. */
  const closeSession = (sessionHash: string) => {
    for (const { connection } of [...connections]) {
      const { credential } = connection.identity;
      if (credential.kind === "session" && hashSecret(credential.secret) === sessionHash)
        connection.close(LIVE_CLOSE.unauthenticated, "signed out");
    }
  };
  auth.onSessionEnded((sessionHash) => {
    closeSession(sessionHash);
    bus.publish({ type: "sessionEnded", session: sessionHash });
  });

  const heal = async () => {
    if (rooms.size === 0) return;
    const versions = await store.versions([...rooms.keys()]);
    for (const [chartId, room] of rooms) {
      const version = versions.get(chartId);
      if (version === undefined) closeChart(chartId, LIVE_CLOSE.deleted, "the chart was deleted");
      else room.poke(version);
    }
  };
  bus.onReconnect(() => {
    heal().catch((error: unknown) => logger.warn({ err: error }, "live: heal failed"));
    for (const room of rooms.values()) bus.publish({ type: "roster", chart: room.chartId });
  });

  writer.onCommit(({ entry, chart }) => {
    rooms.get(chart.id)?.deliver(entry);
    bus.publish({ type: "commit", chart: chart.id, version: entry.version });
  });

  const timers = [
    setInterval(() => {
      const now = Date.now();
      for (const { connection, socket } of connections) {
        if (now - connection.heardAt > silenceMs) socket.terminate();
        else if (socket.readyState === socket.OPEN) socket.ping();
      }
      for (const room of rooms.values()) {
        room.expire(now, silenceMs);
        // Other processes forget peers they have not heard of for a while.
        for (const member of room.members)
          bus.publish({ type: "presence", chart: room.chartId, presence: member.presence });
      }
    }, heartbeatMs),
    setInterval(() => {
      heal().catch((error: unknown) => logger.warn({ err: error }, "live: heal failed"));
    }, healMs),
    setInterval(() => void recheck(() => true), recheckMs),
  ];
  for (const timer of timers) timer.unref();

  const hub = {
    async join(connection: LiveConnection, since: number | null) {
      const room = roomFor(connection.chartId);
      // A member first: what commits from now on waits for the welcome, none is missed.
      room.members.add(connection);
      const head = await store.head(connection.chartId);
      if (head === undefined) return hub.removed(connection.chartId);
      room.start(head.version);
      const start = await startOf(connection.chartId, since, head.version);
      if (start === undefined) return hub.removed(connection.chartId);
      connection.welcome({
        type: "welcome",
        ...start,
        you: { peer: connection.peer, name: connection.name, access: connection.level },
        peers: room.peersFor(connection),
        locked: head.lockedBy !== null,
      });
      // The others learn of the newcomer; the other processes send who they hold.
      room.broadcast(connection.presence, connection);
      bus.publish({ type: "presence", chart: room.chartId, presence: connection.presence });
      bus.publish({ type: "roster", chart: room.chartId });
    },

    leave(connection: LiveConnection) {
      const room = rooms.get(connection.chartId);
      if (room === undefined || !room.members.delete(connection)) return;
      room.broadcast({ type: "leave", peer: connection.peer });
      bus.publish({ type: "leave", chart: room.chartId, peer: connection.peer });
      if (room.empty) rooms.delete(room.chartId);
    },

    presence(connection: LiveConnection, presence: PeerPresence) {
      const room = rooms.get(connection.chartId);
      if (room === undefined || !room.members.has(connection)) return;
      room.broadcast(presence, connection);
      bus.publish({ type: "presence", chart: room.chartId, presence });
    },

    summon(connection: LiveConnection) {
      const room = rooms.get(connection.chartId);
      if (room === undefined) return;
      const message = {
        type: "summon" as const,
        by: { peer: connection.peer, name: connection.name },
        viewport: connection.presence.viewport ?? null,
      };
      room.broadcast(message, connection);
      bus.publish({ type: "summon", chart: room.chartId, message });
    },

    async lock(connection: LiveConnection, locked: boolean) {
      const { principal } = connection.identity;
      const holder = principal.kind === "account" ? principal.account.id : null;
      if (!(await store.setLock(connection.chartId, locked ? holder : null)))
        return hub.removed(connection.chartId);
      const by = { peer: connection.peer, name: connection.name };
      rooms.get(connection.chartId)?.broadcast({ type: "locked", locked, by });
      bus.publish({ type: "locked", chart: connection.chartId, locked, by });
    },

    /**
     * Sends `message` to every connection of the chart, in this process and (by the bus)
     * in the others: for small messages that are the same for everyone (a round's counts).
     */
    announce(chartId: string, message: ServerMessage) {
      rooms.get(chartId)?.broadcast(message);
      bus.publish({ type: "announce", chart: chartId, message });
    },

    /**
     * Sends each connection of the chart in this process the message made for its principal
     * (a comment's `mine`). Other processes make their own: see comment-service.ts.
     */
    sendEach(chartId: string, messageFor: (principal: Principal) => ServerMessage) {
      const room = rooms.get(chartId);
      if (room === undefined) return;
      for (const member of room.members) {
        const connection = member as LiveConnection;
        connection.send(messageFor(connection.identity.principal));
      }
    },

    /** Whether this process holds a connection of the chart (else it has nothing to send). */
    watching(chartId: string): boolean {
      return rooms.has(chartId);
    },

    removed(chartId: string) {
      closeChart(chartId, LIVE_CLOSE.deleted, "the chart was deleted");
      bus.publish({ type: "removed", chart: chartId });
      return recheckAfterRemoval();
    },

    /** Members or links of a chart changed: its connections are checked within a moment. */
    accessChanged(chartId: string) {
      bus.publish({ type: "access", chart: chartId });
      return recheck(onChartOrItsScenarios(chartId));
    },

    /** Takes a new WebSocket whose upgrade was authenticated and authorised. */
    connect(socket: WebSocket, identity: Identity) {
      // A restart in progress: the client reconnects (to this process's successor).
      if (closed) return socket.close(LIVE_CLOSE.goingAway, "the server is restarting");
      const connection = createLiveConnection(socket, identity, { hub, writer, logger });
      const held = { connection, socket };
      connections.add(held);
      socket.on("close", () => connections.delete(held));
      return connection;
    },

    /** How many connections match (the cap against one principal opening thousands). */
    count(matches: (identity: Identity) => boolean) {
      let count = 0;
      for (const { connection } of connections) if (matches(connection.identity)) count++;
      return count;
    },

    get size() {
      return connections.size;
    },

    /** Closes every connection ("going away": clients reconnect) and stops the timers. */
    async close() {
      closed = true;
      for (const timer of timers) clearInterval(timer);
      for (const { connection } of connections)
        connection.close(LIVE_CLOSE.goingAway, "the server is restarting");
      // A client that does not answer the close frame would hold the shutdown for ws's 30 s.
      const deadline = Date.now() + CLOSE_GRACE_MS;
      while (connections.size > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      for (const { socket } of connections) socket.terminate();
      await bus.close();
    },
  };
  return hub;
}

export type LiveHub = ReturnType<typeof createLiveHub>;
