import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { ChartIdSchema, LIVE_MAX_MESSAGE_BYTES, LIVE_SUBPROTOCOL } from "@rolemap/contract";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import { principalKey } from "../auth/principal";
import {
  databaseUnavailable,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from "../db/database-outage";
import { AppError, notFound, unauthenticated } from "../errors";
import { requestHostname, unknownHost } from "../http/allowed-hosts";
import { bearerOf, sessionCookieOf } from "../http/authenticate";
import { isOwnOrigin, type OriginPolicy } from "../http/same-origin";
import type { AuthService, Credential } from "../services/auth-service";
import type { ChartAccess } from "../services/chart-access";
import type { Identity } from "./live-connection";
import type { LiveHub } from "./live-hub";

const LIVE_PATH = /^\/api\/charts\/([^/?#]*)\/live(?:\?.*)?$/;
/** Connections one principal may hold at once (tabs, devices, scripts). */
export const MAX_CONNECTIONS_PER_PRINCIPAL = 200;

/** Answers a refused upgrade as HTTP, with the API's error body, and closes the socket. */
function refuse(socket: Duplex, error: AppError) {
  const body = JSON.stringify(error.toBody());
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      (error.status === 503 ? `Retry-After: ${RETRY_AFTER_SECONDS}\r\n` : "") +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}

function credentialOf(req: IncomingMessage): Credential | undefined {
  const bearer = bearerOf(req);
  if (bearer !== undefined) return { kind: "token", secret: bearer };
  const secret = sessionCookieOf(req);
  return secret === undefined || secret === "" ? undefined : { kind: "session", secret };
}

/**
 * `GET /api/charts/:id/live` upgraded to a WebSocket (live.md): authenticated like any
 * request, a cookie upgrade only from the app's own origin, no right to the chart → the
 * same 401/404 as the HTTP routes. Everything else upgrading is answered 404.
 */
export function createLiveUpgrade(deps: {
  auth: AuthService;
  access: ChartAccess;
  hub: LiveHub;
  origins: OriginPolicy;
  /** The host names answered (allowed-hosts.ts): a rebound DNS name cannot upgrade either. */
  hosts: {
    allowed: ReadonlySet<string>;
    trustsProxy: (address: string, hop: number) => boolean;
  };
  logger: Logger;
}) {
  const { auth, access, hub, origins, hosts, logger } = deps;
  const server = new WebSocketServer({
    noServer: true,
    // Frames up to 1 MiB are messages; larger ones, up to this, are answered invalid_message.
    maxPayload: 4 * LIVE_MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(LIVE_SUBPROTOCOL) ? LIVE_SUBPROTOCOL : false),
  });

  const authorise = async (req: IncomingMessage) => {
    const hostname = requestHostname(req, hosts.trustsProxy);
    if (hostname !== undefined && !hosts.allowed.has(hostname)) throw unknownHost(hostname);
    const match = LIVE_PATH.exec(req.url ?? "");
    if (match === null) throw new AppError("not_found", "nothing to upgrade to here");
    let chartId: string;
    try {
      chartId = decodeURIComponent(match[1] ?? "");
    } catch {
      throw notFound("chart");
    }
    if (!ChartIdSchema.safeParse(chartId).success) throw notFound(`chart ${chartId}`);
    const credential = credentialOf(req);
    if (credential === undefined) throw unauthenticated();
    const principal = await auth.fromCredential(credential);
    if (principal === undefined) throw unauthenticated();
    if (credential.kind === "session") {
      const origin = req.headers.origin;
      if (origin === undefined || !isOwnOrigin(origin, req.headers.host, origins))
        throw new AppError(
          "cross_site",
          "a live connection by cookie must come from the app's own origin",
        );
    }
    const level = await access.level(principal, chartId);
    if (level === undefined) throw notFound(`chart ${chartId}`);
    const key = principalKey(principal);
    if (
      hub.count((identity) => principalKey(identity.principal) === key) >=
      MAX_CONNECTIONS_PER_PRINCIPAL
    )
      throw new AppError("rate_limited", "too many live connections; close some tabs");
    return { chartId, peer: randomUUID(), principal, level, credential } satisfies Identity;
  };

  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", (error) => logger.debug({ err: error }, "live: upgrade socket error"));
    authorise(req).then(
      (identity) => {
        server.handleUpgrade(req, socket, head, (ws) => {
          hub.connect(ws, identity);
        });
      },
      (error: unknown) => {
        if (error instanceof AppError) return refuse(socket, error);
        // The database cannot serve now: 503 with the HTTP routes' words, not a 500.
        if (isDatabaseUnavailable(error)) return refuse(socket, databaseUnavailable());
        logger.error({ err: error }, "live: upgrade failed");
        refuse(socket, new AppError("internal", "the live connection could not be opened"));
      },
    );
  };
}
