import type { ServerMessage } from "@rolemap/contract";
import { LIVE_CLOSE } from "@rolemap/contract/constants";
import type { LiveSocket } from "./types";

/**
 * One chart's live connection, kept open: reconnects after a drop (at once after a server
 * restart, then with growing, jittered delays up to 5 s), pings so a dead network is noticed
 * within seconds rather than minutes, and stops for good on the close codes that mean "you
 * may no longer be here" (live.md). Knows the socket, not the chart.
 */

export type LinkStatus = "connecting" | "open" | "reconnecting" | "offline" | "closed";

/** Why a link stopped for good. */
export type EndReason = "signed-out" | "revoked" | "deleted";

export interface LiveLinkOptions {
  open(): LiveSocket;
  /** A socket just opened: send `hello` and what is waiting. */
  onOpen(send: (message: object) => void): void;
  onMessage(message: ServerMessage): void;
  onStatus(status: LinkStatus, retryAt: number | null): void;
  onEnd(reason: EndReason): void;
  /**
   * Asked after a connection failed before it opened (the upgrade was refused, or no
   * network): an HTTP request tells a refused right (→ EndReason) from a network problem.
   */
  probe?(): Promise<EndReason | null>;
  isOnline?(): boolean;
  /** Registers "the network is back" / "the network is gone"; returns the unsubscribe function. */
  watchNetwork?(online: () => void, offline: () => void): () => void;
  pingMs?: number;
  /** No message for this long after a ping: the connection is dead. */
  deadMs?: number;
  backoff?(attempt: number): number;
}

export interface LiveLink {
  /** Sends now if open; returns whether it was sent. */
  send(message: object): boolean;
  isOpen(): boolean;
  /** Reconnects now (the user pressed "Retry now"). */
  retryNow(): void;
  close(): void;
}

const OPEN = 1;

/** 0.25 s, 0.5 s, 1 s, 2 s, 4 s, then 5 s, each ±25 %. */
export const liveBackoff = (attempt: number) =>
  Math.min(5000, 250 * 2 ** Math.max(0, attempt - 1)) * (0.75 + Math.random() * 0.5);

const browserOnline = () => (typeof navigator === "undefined" ? true : navigator.onLine);
function browserNetwork(online: () => void, offline: () => void) {
  if (typeof window === "undefined") return () => {};
  window.addEventListener("online", online);
  window.addEventListener("offline", offline);
  return () => {
    window.removeEventListener("online", online);
    window.removeEventListener("offline", offline);
  };
}

const END_CODES: Record<number, EndReason> = {
  [LIVE_CLOSE.unauthenticated]: "signed-out",
  [LIVE_CLOSE.revoked]: "revoked",
  [LIVE_CLOSE.deleted]: "deleted",
};

export function createLiveLink(options: LiveLinkOptions): LiveLink {
  const isOnline = options.isOnline ?? browserOnline;
  const backoff = options.backoff ?? liveBackoff;
  const pingMs = options.pingMs ?? 15_000;
  const deadMs = options.deadMs ?? 10_000;
  let socket: LiveSocket | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let deadTimer: ReturnType<typeof setTimeout> | null = null;
  let ended = false;

  const clearTimers = () => {
    if (retryTimer !== null) clearTimeout(retryTimer);
    if (pingTimer !== null) clearInterval(pingTimer);
    if (deadTimer !== null) clearTimeout(deadTimer);
    retryTimer = pingTimer = deadTimer = null;
  };

  const end = (reason: EndReason) => {
    if (ended) return;
    ended = true;
    clearTimers();
    socket?.close();
    socket = null;
    options.onStatus("closed", null);
    options.onEnd(reason);
  };

  const scheduleReconnect = (delay: number) => {
    if (ended) return;
    if (!isOnline()) {
      // The `online` event reconnects.
      options.onStatus("offline", null);
      return;
    }
    const retryAt = Date.now() + delay;
    options.onStatus("reconnecting", retryAt);
    retryTimer = setTimeout(connect, delay);
  };

  const heard = () => {
    if (deadTimer !== null) clearTimeout(deadTimer);
    deadTimer = null;
  };

  function connect() {
    clearTimers();
    if (ended) return;
    let opened = false;
    let current: LiveSocket;
    try {
      current = options.open();
    } catch {
      attempt++;
      scheduleReconnect(backoff(attempt));
      return;
    }
    socket = current;
    if (attempt === 0) options.onStatus("connecting", null);
    const send = (message: object) => {
      if (current.readyState === OPEN) current.send(JSON.stringify(message));
    };
    current.addEventListener("open", () => {
      if (socket !== current) return;
      opened = true;
      options.onStatus("open", null);
      options.onOpen(send);
      pingTimer = setInterval(() => {
        send({ type: "ping" });
        deadTimer ??= setTimeout(() => {
          // No answer: the network is gone without a close frame. Drop it and reconnect.
          if (socket === current) lost(1006);
          current.close();
        }, deadMs);
      }, pingMs);
    });
    current.addEventListener("message", (event) => {
      if (socket !== current || typeof event.data !== "string") return;
      heard();
      let message: ServerMessage;
      try {
        message = JSON.parse(event.data) as ServerMessage;
      } catch {
        return;
      }
      // A welcome means the server took us: the next drop starts the back-off afresh.
      if (message.type === "welcome") attempt = 0;
      options.onMessage(message);
    });
    current.addEventListener("close", (event) => {
      if (socket === current) lost(event.code, opened);
    });
    current.addEventListener("error", () => {
      // Always followed by close.
    });
  }

  function lost(code: number, opened = true) {
    socket = null;
    clearTimers();
    const reason = END_CODES[code];
    if (reason !== undefined) return end(reason);
    attempt++;
    // A restarting server says so (1001): come back at once, the next process is near.
    const delay = code === LIVE_CLOSE.goingAway && attempt === 1 ? 50 : backoff(attempt);
    if (!opened && options.probe !== undefined && isOnline()) {
      // Refused before opening: a rights problem, or the server is down. Ask over HTTP.
      options.onStatus("reconnecting", Date.now() + delay);
      void options.probe().then(
        (why) => (why === null ? scheduleReconnect(delay) : end(why)),
        () => scheduleReconnect(delay),
      );
      return;
    }
    scheduleReconnect(delay);
  }

  const stopWatching = (options.watchNetwork ?? browserNetwork)(
    () => {
      if (socket === null && !ended) {
        attempt = 0;
        connect();
      }
    },
    () => {
      // The browser knows before the socket does: say so now; the ping drops the socket.
      if (!ended) options.onStatus("offline", null);
      socket?.close();
    },
  );

  connect();

  return {
    send(message) {
      if (socket === null || socket.readyState !== OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    isOpen: () => socket !== null && socket.readyState === OPEN,
    retryNow() {
      if (ended || socket !== null) return;
      attempt = 0;
      connect();
    },
    close() {
      ended = true;
      clearTimers();
      stopWatching();
      const open = socket;
      socket = null;
      open?.close(1000, "bye");
    },
  };
}
