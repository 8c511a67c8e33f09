import { existsSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import path from "node:path";
import type { Logger } from "pino";
import { createApp } from "./app";
import { type DatabaseConfig, openDatabase } from "./db/database";
import { postgresLimitsOf } from "./db/postgres-limits";
import { createPrismaAccessStore } from "./db/prisma-access-store";
import { createPrismaChartStore } from "./db/prisma-chart-store";
import { createPrismaCommentStore } from "./db/prisma-comment-store";
import { createPrismaHistoryStore } from "./db/prisma-history-store";
import { createPrismaRoundStore } from "./db/prisma-round-store";
import { type Env, readEnv } from "./env";
import { createInterchangePool } from "./interchange-pool/pool";
import { createLocalBus } from "./live/bus";
import { createPostgresBus } from "./live/pg-bus";
import { createLogger } from "./logger";

const DEFAULT_WEB_DIST = path.resolve(import.meta.dirname, "../../web/dist");

export function databaseConfig(env: Env): DatabaseConfig {
  return env.DATABASE_URL === undefined
    ? { kind: "embedded", dataDir: env.DATA_DIR }
    : { kind: "postgres", url: env.DATABASE_URL, limits: postgresLimitsOf(env) };
}

export interface Timeouts {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /**
   * Open connections held at most; Node closes the ones beyond at once. The deadlines free
   * a slot held by a silent or slow client within headersTimeoutMs / requestTimeoutMs.
   */
  maxConnections?: number;
}

/**
 * The HTTP server around the app, with deadlines: a client that sends its headers or its
 * body too slowly (or stalls) is answered 408 and cut off, so it cannot hold a connection.
 */
export function createHttpServer(app: RequestListener, timeouts: Timeouts): Server {
  const server = createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      // How often those deadlines are checked (Node's default is every 30 s).
      connectionsCheckingInterval: Math.min(1000, timeouts.headersTimeoutMs / 2),
    },
    app,
  );
  if (timeouts.maxConnections !== undefined) server.maxConnections = timeouts.maxConnections;
  return server;
}

/** The export and import pool's limits from INTERCHANGE_* (threads default by cores). */
const interchangeLimits = (env: Env) => ({
  ...(env.INTERCHANGE_THREADS === undefined ? {} : { threads: env.INTERCHANGE_THREADS }),
  queue: env.INTERCHANGE_QUEUE,
  perPrincipal: env.INTERCHANGE_PER_PRINCIPAL,
  timeoutMs: env.INTERCHANGE_TIMEOUT_MS,
  memoryMb: env.INTERCHANGE_MEMORY_MB,
});

/** Starts Rolemap: database (migrated), app, port; SIGTERM/SIGINT shut it down cleanly. */
export async function startServer(
  env: Env = readEnv(),
  logger: Logger = createLogger(env.LOG_LEVEL),
) {
  const config = databaseConfig(env);
  const database = await openDatabase(config, (message) => logger.warn(message));
  const store = createPrismaChartStore(database);
  // Processes sharing a PostgreSQL server hear each other's commits; the embedded one is alone.
  const bus =
    config.kind === "postgres" ? await createPostgresBus(config.url, logger) : createLocalBus();
  const webDist = env.WEB_DIST ?? DEFAULT_WEB_DIST;
  const app = createApp({
    store,
    accessStore: createPrismaAccessStore(database),
    comments: createPrismaCommentStore(database),
    rounds: createPrismaRoundStore(database),
    history: createPrismaHistoryStore(database),
    historyCompaction: { afterDays: env.HISTORY_COMPACT_AFTER_DAYS },
    logger,
    bodyLimit: env.BODY_LIMIT,
    bus,
    liveOptions: { healMs: env.LIVE_HEAL_MS, catchUpLimit: env.LIVE_CATCH_UP_LIMIT },
    interchangePool: createInterchangePool({ logger, limits: interchangeLimits(env) }),
    ...(existsSync(path.join(webDist, "index.html")) ? { webDist } : {}),
    security: {
      appOrigin: env.APP_ORIGIN,
      corsOrigins: env.CORS_ORIGINS,
      allowedHosts: env.ALLOWED_HOSTS,
      trustProxy: env.TRUST_PROXY,
      rateLimits: {
        api: { limit: env.API_RATE_LIMIT, windowMs: 60_000 },
        signIn: { limit: env.SIGN_IN_RATE_LIMIT, windowMs: 15 * 60_000 },
      },
    },
  });

  const server = createHttpServer(app, {
    headersTimeoutMs: env.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    maxConnections: env.MAX_CONNECTIONS,
  });
  server.on("upgrade", app.live.upgrade);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : env.PORT;
  logger.info(
    {
      port,
      database: database.kind,
      dataDir: config.kind === "embedded" ? config.dataDir : undefined,
    },
    "rolemap is listening",
  );

  let stopping: Promise<void> | undefined;
  /** Closes live connections (clients reconnect elsewhere), finishes requests, closes the database. */
  const stop = () => {
    stopping ??= (async () => {
      logger.info("shutting down");
      // Stop accepting first, so no live client reconnects to this process meanwhile.
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await app.live.close();
      await drained;
      await store.close();
      logger.info("stopped");
    })();
    return stopping;
  };
  return { server, port, stop };
}

/** Starts the server from the environment and stops it on SIGTERM/SIGINT (see main.ts). */
export async function main() {
  const env = readEnv();
  const logger = createLogger(env.LOG_LEVEL);
  try {
    const { stop } = await startServer(env, logger);
    for (const signal of ["SIGTERM", "SIGINT"] as const)
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          (error) => {
            logger.error({ err: error }, "shutdown failed");
            process.exit(1);
          },
        );
      });
  } catch (error) {
    logger.fatal({ err: error }, "rolemap could not start");
    process.exit(1);
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename)
  void main();
