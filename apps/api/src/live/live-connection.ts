import {
  type AccessLevel,
  type AppliedMessage,
  CLIENT_MESSAGE_TYPES,
  type ClientMessage,
  ClientMessageSchema,
  LIVE_CLOSE,
  LIVE_MAX_MESSAGE_BYTES,
  type OpsMessage,
  type PeerPresence,
  type PresenceFields,
  REJECT_CODES,
  type RejectCode,
  type ServerMessage,
  toInputIssues,
} from "@rolemap/contract";
import type { Logger } from "pino";
import type { RawData, WebSocket } from "ws";
import { mayDo, type Principal } from "../auth/principal";
import { AppError } from "../errors";
import type { Credential } from "../services/auth-service";
import { authorOf } from "../services/chart-service";
import type { ChartWriter } from "../services/chart-writer";
import { unstorableText } from "../services/storable-text";
import { planOperations } from "../services/write-plans";
import type { RoomMember } from "./live-room";

/** Presence is relayed at most this often per peer (live.md: ≤ 20 a second). */
const PRESENCE_INTERVAL_MS = 50;
/** Invalid messages in a row before the connection is closed as garbage. */
const GARBAGE_LIMIT = 20;
/** A peer that cannot keep up (unsent bytes) is cut off; it reconnects and catches up. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** What the connection asks of the hub: the room-wide effects of its messages. */
export interface ConnectionHub {
  /** Adds the member to its room and answers its hello (the welcome). */
  join(connection: LiveConnection, since: number | null): Promise<void>;
  leave(connection: LiveConnection): void;
  presence(connection: LiveConnection, message: PeerPresence): void;
  summon(connection: LiveConnection): void;
  lock(connection: LiveConnection, locked: boolean): Promise<void>;
  /** The chart is gone: every connection to it closes. */
  removed(chartId: string): void;
}

export interface Identity {
  chartId: string;
  peer: string;
  principal: Principal;
  level: AccessLevel;
  /** What authenticated the upgrade, to check it again later (revocation). */
  credential: Credential;
}

type State = "new" | "joining" | "live" | "closed";

/**
 * One WebSocket of one person on one chart: parses and answers its messages (live.md).
 * Until its welcome is sent, what it would receive waits, so the welcome comes first and
 * no change is missed or sent twice.
 */
export function createLiveConnection(
  socket: WebSocket,
  identity: Identity,
  deps: { hub: ConnectionHub; writer: ChartWriter; logger: Logger },
) {
  const { hub, writer, logger } = deps;
  const { chartId, peer } = identity;
  const name =
    identity.principal.kind === "account"
      ? identity.principal.account.name
      : identity.principal.name;
  let state: State = "new";
  let level = identity.level;
  /** The last version this client has (from its welcome and every applied since). */
  let version = 0;
  let garbage = 0;
  let heardAt = Date.now();
  const waiting: (ServerMessage | string | AppliedMessage)[] = [];
  let presence: PeerPresence = { type: "presence", peer, name };
  let presenceSentAt = 0;
  let presenceTimer: NodeJS.Timeout | undefined;

  const write = (text: string) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      logger.warn({ chart: chartId, peer }, "live: a peer fell too far behind; closing it");
      socket.terminate();
      return;
    }
    socket.send(text);
  };

  const connection = {
    peer,
    name,
    chartId,
    identity,
    get level() {
      return level;
    },
    get presence() {
      return presence;
    },
    get heardAt() {
      return heardAt;
    },

    send(message: ServerMessage | string) {
      if (state === "closed") return;
      // While the welcome is being made, everything waits for it.
      if (state === "joining") waiting.push(message);
      else write(typeof message === "string" ? message : JSON.stringify(message));
    },

    applied(message: AppliedMessage, text: string) {
      if (state === "closed" || state === "new") return;
      if (state === "joining") return void waiting.push(message);
      if (message.version <= version) return;
      version = message.version;
      write(text);
    },

    /** Sends the welcome, then what waited for it (changes after the welcome's version only). */
    welcome(message: Extract<ServerMessage, { type: "welcome" }>) {
      if (state !== "joining") return;
      state = "live";
      version = message.version;
      write(JSON.stringify(message));
      for (const item of waiting.splice(0))
        if (typeof item === "object" && item.type === "applied")
          connection.applied(item, JSON.stringify(item));
        else connection.send(item);
    },

    setLevel(next: AccessLevel) {
      level = next;
    },

    close(code: number, reason: string) {
      if (state === "closed") return;
      socket.close(code, reason);
    },
  };
  type Self = typeof connection;

  const error = (code: "invalid_message" | "forbidden" | "internal", message: string) =>
    connection.send({ type: "error", code, message });

  const invalid = (message: string) => {
    garbage++;
    error("invalid_message", message);
    if (garbage >= GARBAGE_LIMIT) connection.close(LIVE_CLOSE.policy, "too many invalid messages");
  };

  const reject = (
    batch: string,
    code: RejectCode,
    message: string,
    issues = [] as AppError["issues"],
  ) => connection.send({ type: "reject", batch, error: { code, message, issues } });

  const rejectError = (batch: string, failure: AppError) => {
    const code = (REJECT_CODES as readonly string[]).includes(failure.code)
      ? (failure.code as RejectCode)
      : "invalid_input";
    reject(batch, code, failure.message, failure.issues);
  };

  const ops = (message: OpsMessage) => {
    const { batch } = message;
    if (!mayDo(level, "edit"))
      return reject(
        batch,
        "forbidden",
        `changing the chart needs edit access; you have ${level} access`,
      );
    const unstorable = unstorableText(message.operations, "operations");
    if (unstorable.length > 0)
      return reject(batch, "invalid_input", "text that cannot be stored", unstorable);
    let plan: ReturnType<typeof planOperations>;
    try {
      plan = planOperations(level, message.operations, "live");
    } catch (failure) {
      if (failure instanceof AppError) return rejectError(batch, failure);
      throw failure;
    }
    writer
      .write({
        chartId,
        batchId: batch,
        kind: "operations",
        author: authorOf(identity.principal, peer),
        plan,
      })
      .then(
        (outcome) => {
          if (outcome.status === "committed")
            connection.send({ type: "ack", batch, version: outcome.chart.version });
          else if (outcome.status === "duplicate")
            connection.send({ type: "ack", batch, version: outcome.version });
          else if (outcome.status === "not_found") hub.removed(chartId);
        },
        (failure: unknown) => {
          if (failure instanceof AppError) return rejectError(batch, failure);
          logger.error(
            { err: failure, chart: chartId, batch },
            "live: a batch could not be stored",
          );
          // Not a reject: whether it was stored is unknown; sending it again is safe.
          error("internal", `batch ${batch} could not be stored just now; send it again`);
        },
      );
  };

  const relayPresence = () => {
    presenceTimer = undefined;
    presenceSentAt = Date.now();
    hub.presence(connection, presence);
  };

  const updatePresence = (fields: PresenceFields) => {
    presence = { ...presence, ...fields, type: "presence", peer, name };
    if (presenceTimer !== undefined) return;
    const wait = presenceSentAt + PRESENCE_INTERVAL_MS - Date.now();
    if (wait <= 0) relayPresence();
    else presenceTimer = setTimeout(relayPresence, wait);
  };

  const handle = (message: ClientMessage) => {
    if (message.type === "ping") return connection.send({ type: "pong" });
    if (message.type === "hello") {
      if (state !== "new") return invalid("hello was already sent on this connection");
      state = "joining";
      hub.join(connection, message.since).catch((failure: unknown) => {
        logger.error({ err: failure, chart: chartId }, "live: could not welcome a peer");
        connection.close(LIVE_CLOSE.goingAway, "could not load the chart; reconnect");
      });
      return;
    }
    if (state === "new") return invalid(`send hello first (got "${message.type}")`);
    switch (message.type) {
      case "ops":
        return ops(message);
      case "presence": {
        const { type: _, ...fields } = message;
        return updatePresence(fields);
      }
      case "summon":
        if (!mayDo(level, "edit"))
          return error(
            "forbidden",
            `summoning everyone needs edit access; you have ${level} access`,
          );
        return hub.summon(connection);
      case "lock":
        if (level !== "owner")
          return error("forbidden", "only the chart's owner can lock or unlock it");
        hub.lock(connection, message.locked).catch((failure: unknown) => {
          logger.error({ err: failure, chart: chartId }, "live: could not lock");
          error("internal", "the lock could not be changed just now; try again");
        });
    }
  };

  const receive = (data: RawData, isBinary: boolean) => {
    heardAt = Date.now();
    const size = Array.isArray(data)
      ? data.reduce((sum, part) => sum + part.length, 0)
      : (data as Buffer | ArrayBuffer).byteLength;
    if (isBinary) return invalid("messages are JSON text frames, not binary ones");
    if (size > LIVE_MAX_MESSAGE_BYTES)
      return invalid(
        `a message may be at most ${LIVE_MAX_MESSAGE_BYTES} bytes; this one has ${size}`,
      );
    let raw: unknown;
    try {
      raw = JSON.parse(
        Buffer.isBuffer(data)
          ? data.toString("utf8")
          : Buffer.concat(data as Buffer[]).toString("utf8"),
      );
    } catch {
      return invalid("a message must be JSON");
    }
    const type =
      typeof raw === "object" && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== "string" || !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type))
      return invalid(
        `unknown message type ${JSON.stringify(type ?? null)}; one of ${CLIENT_MESSAGE_TYPES.join(", ")}`,
      );
    const parsed = ClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = toInputIssues(parsed.error);
      const batch = (raw as { batch?: unknown }).batch;
      // A malformed batch that names itself is rejected, so its sender can drop it.
      if (
        type === "ops" &&
        typeof batch === "string" &&
        /^[0-9a-f-]{36}$/i.test(batch) &&
        state !== "new"
      ) {
        garbage++;
        return reject(batch, "invalid_input", "invalid batch", issues);
      }
      return invalid(
        `invalid ${type} message: ${issues
          .slice(0, 3)
          .map((issue) => `${issue.path === "" ? "" : `${issue.path}: `}${issue.message}`)
          .join("; ")}`,
      );
    }
    garbage = 0;
    try {
      handle(parsed.data);
    } catch (failure) {
      logger.error({ err: failure, chart: chartId }, "live: a message failed");
      error("internal", "the message could not be handled");
    }
  };

  socket.on("message", receive);
  socket.on("pong", () => {
    heardAt = Date.now();
  });
  socket.on("close", () => {
    const wasMember = state === "joining" || state === "live";
    state = "closed";
    clearTimeout(presenceTimer);
    if (wasMember) hub.leave(connection);
  });
  socket.on("error", (failure) =>
    logger.debug({ err: failure, chart: chartId }, "live: socket error"),
  );

  return connection satisfies RoomMember as Self;
}

export type LiveConnection = ReturnType<typeof createLiveConnection>;
