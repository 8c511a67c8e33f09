import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import express, { type Express } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { cacheAccessStore } from "./auth/access-cache";
import { DEFAULT_PASSWORD_COST, type PasswordCost } from "./auth/secrets";
import { allowedHostNames, allowedHostsOnly } from "./http/allowed-hosts";
import { authenticate, requirePrincipal, SESSION_IDLE_MS } from "./http/authenticate";
import { errorHandler, notFoundHandler } from "./http/error-handler";
import { requestLogSerializers } from "./http/log-serializers";
import {
  apiLimiter,
  DEFAULT_RATE_LIMITS,
  type RateLimits,
  signInLimiter,
} from "./http/rate-limits";
import { sameOriginForCookies } from "./http/same-origin";
import { corsFor, securityHeaders } from "./http/security-headers";
import { createInterchangePool, type InterchangePool } from "./interchange-pool/pool";
import { type ChangeBus, createLocalBus } from "./live/bus";
import { createLiveHub, type HubOptions, type LiveHub } from "./live/live-hub";
import { createLiveUpgrade } from "./live/live-upgrade";
import { openApiDocument } from "./openapi";
import { adminRouter } from "./routes/admin";
import { authRouter } from "./routes/auth";
import { chartsRouter } from "./routes/charts";
import { commentsRouter } from "./routes/comments";
import { historyRouter } from "./routes/history";
import { exportRouter, importRouter } from "./routes/interchange";
import { roundsRouter } from "./routes/rounds";
import { scenariosRouter } from "./routes/scenarios";
import { sharingRouter } from "./routes/sharing";
import { systemRouter } from "./routes/system";
import { tokensRouter } from "./routes/tokens";
import type { AccessStore } from "./services/access-store";
import { createAccountService } from "./services/account-service";
import { createAuthService } from "./services/auth-service";
import { createChartAccess } from "./services/chart-access";
import { createChartService } from "./services/chart-service";
import type { ChartStore } from "./services/chart-store";
import { createChartWriter } from "./services/chart-writer";
import { createCommentService } from "./services/comment-service";
import type { CommentStore } from "./services/comment-store";
import { createCountsRefresher } from "./services/counts-refresher";
import { type CompactorOptions, createHistoryCompactor } from "./services/history-compactor";
import { createHistoryService } from "./services/history-service";
import type { HistoryStore } from "./services/history-store";
import { createInterchangeService } from "./services/interchange-service";
import { createRoundService } from "./services/round-service";
import type { RoundStore } from "./services/round-store";
import { createScenarioService } from "./services/scenario-service";
import { createSharingService } from "./services/sharing-service";

/** Who may do what from where: access.md's instance-wide protections. */
export interface SecurityOptions {
  /** The app's public origin; without it, a request's Origin must match its Host. */
  appOrigin: string | undefined;
  /** Foreign origins allowed to call the API from a browser (CORS_ORIGINS). */
  corsOrigins: string[];
  /** Host names answered besides the loopback names and APP_ORIGIN's (ALLOWED_HOSTS). */
  allowedHosts: string[];
  /** Express's "trust proxy": whether X-Forwarded-* (client address, https) are believed. */
  trustProxy: boolean | number | string;
  passwordCost: PasswordCost;
  rateLimits: RateLimits;
  /** How long an invite link can be used. */
  inviteTtlMs: number;
}

export const DEFAULT_SECURITY: SecurityOptions = {
  appOrigin: undefined,
  corsOrigins: [],
  allowedHosts: [],
  trustProxy: false,
  passwordCost: DEFAULT_PASSWORD_COST,
  rateLimits: DEFAULT_RATE_LIMITS,
  inviteTtlMs: 7 * 24 * 60 * 60 * 1000,
};

export interface AppDeps {
  store: ChartStore;
  accessStore: AccessStore;
  logger: Logger;
  /** Largest JSON body accepted, e.g. "16mb". */
  bodyLimit: string;
  /** Serves the built web app from here when given. */
  webDist?: string;
  security?: Partial<SecurityOptions>;
  /** How API processes tell each other of commits; in-process (one process) by default. */
  bus?: ChangeBus;
  liveOptions?: Partial<HubOptions>;
  /** Worker threads for exports and imports; default limits when not given. */
  interchangePool?: InterchangePool;
  /** Silent RACI rounds; without it (apps built for one concern in tests) no round route. */
  rounds?: RoundStore;
  /** Comments (history.md); without it (apps built for one concern in tests) no comment route. */
  comments?: CommentStore;
  /**
   * The version list, past documents and restore (history.md); services that need a past
   * version (promote) read it here. Without it (apps built for one concern in tests) no
   * history route.
   */
  history?: HistoryStore;
  /** Compaction of old history; none when absent or `afterDays` is 0. */
  historyCompaction?: CompactorOptions;
}

/** The app and its live side: the WebSocket upgrades go to `live.upgrade` (server.ts). */
export type RolemapApp = Express & {
  live: {
    hub: LiveHub;
    upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
    /** Closes live connections, writes pending counts, stops export and import threads. */
    close(): Promise<void>;
  };
};

/** Builds the whole HTTP app; `listen()` is the caller's business (see server.ts). */
export function createApp({
  store,
  accessStore: storedAccess,
  logger,
  bodyLimit,
  webDist,
  security: given,
  bus = createLocalBus(),
  liveOptions,
  interchangePool,
  rounds,
  comments,
  history,
  historyCompaction,
}: AppDeps): RolemapApp {
  const security = { ...DEFAULT_SECURITY, ...given };
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.set("trust proxy", security.trustProxy);
  app.use(
    pinoHttp({
      logger,
      serializers: requestLogSerializers,
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id =
          typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
    }),
  );
  const hostNames = allowedHostNames(security.appOrigin, security.allowedHosts);
  const trustsProxy: (address: string, hop: number) => boolean = app.get("trust proxy fn");
  app.use(allowedHostsOnly(hostNames, trustsProxy));
  app.use(securityHeaders(webDist));

  // Before the live hub, which re-checks access on the same bus events.
  const accessCache = cacheAccessStore(storedAccess, { soleUser: store.kind === "embedded", bus });
  const accessStore = accessCache.store;
  const access = createChartAccess(accessStore, accessCache.forgetChart);
  const auth = createAuthService(accessStore, {
    passwordCost: security.passwordCost,
    sessionIdleMs: SESSION_IDLE_MS,
  });
  const accounts = createAccountService(accessStore, { inviteTtlMs: security.inviteTtlMs });
  const writer = createChartWriter(store, logger);
  const counts = createCountsRefresher(store, logger);
  writer.onCommit(({ chart }) => counts.schedule(chart));
  const hub = createLiveHub({ store, writer, auth, access, bus, logger, options: liveOptions });
  const sharing = createSharingService(accessStore, access, hub);
  const charts = createChartService(store, access, writer, counts, hub);
  const pool = interchangePool ?? createInterchangePool({ logger });
  const interchange = createInterchangeService(store, charts, access, pool);
  const json = express.json({ limit: bodyLimit, type: ["application/json", "application/*+json"] });

  const api = express.Router();
  const cors = corsFor(security.corsOrigins);
  if (cors !== undefined) api.use(cors);
  api.use(authenticate(auth));
  api.use(
    sameOriginForCookies({ appOrigin: security.appOrigin, trustedOrigins: security.corsOrigins }),
  );
  api.use(apiLimiter(security.rateLimits.api));

  // Public: health, the API's description, stateless validation, templates, sign-in.
  api.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument());
  });
  api.use(systemRouter(charts, store, json));
  api.use("/auth", authRouter(auth, json, signInLimiter(security.rateLimits.signIn)));

  // Everything else needs a principal.
  api.use(requirePrincipal);
  api.use(importRouter(interchange, bodyLimit)); // the raw file, before the JSON parser
  api.use(json);
  api.use(exportRouter(interchange));
  api.use("/charts", sharingRouter(sharing));
  api.use("/charts", chartsRouter(charts));
  if (rounds !== undefined)
    api.use("/charts", roundsRouter(createRoundService(rounds, store, access, hub)));
  if (comments !== undefined)
    api.use(
      "/charts",
      commentsRouter(createCommentService({ store: comments, access, live: hub, bus, logger })),
    );
  if (history !== undefined) {
    api.use("/charts", historyRouter(createHistoryService(history, access, writer, counts)));
    const scenarios = createScenarioService({ store, access, accessStore, writer, history });
    api.use("/charts", scenariosRouter(scenarios));
  }
  api.use("/tokens", tokensRouter(accounts));
  api.use("/admin", adminRouter(accounts));
  api.use(notFoundHandler);
  app.use("/api", api);

  if (webDist !== undefined) {
    app.use(express.static(webDist, { index: false, maxAge: "1h" }));
    // Client-side routes (/charts/:id, /s/:token) get the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.sendFile("index.html", { root: webDist, maxAge: 0 });
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler);

  const compactor =
    history === undefined || historyCompaction === undefined
      ? undefined
      : createHistoryCompactor(history, logger, historyCompaction);
  compactor?.start();

  const origins = { appOrigin: security.appOrigin, trustedOrigins: security.corsOrigins };
  let closing: Promise<void> | undefined;
  return Object.assign(app, {
    live: {
      hub,
      upgrade: createLiveUpgrade({
        auth,
        access,
        hub,
        origins,
        hosts: { allowed: hostNames, trustsProxy },
        logger,
      }),
      close() {
        closing ??= (async () => {
          await compactor?.stop();
          await hub.close();
          await counts.flush();
          await pool.close();
        })();
        return closing;
      },
    },
  });
}
