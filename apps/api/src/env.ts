import { resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_POSTGRES_LIMITS as DB } from "./db/postgres-limits";

/**
 * The only place that reads `process.env`. Everything else receives these values as
 * arguments, so tests build apps with whatever configuration they need.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * The address to listen on: this machine only by default. A workshop on the local
   * network or a container sets 0.0.0.0 (README, "Run a workshop on your network").
   */
  HOST: z.string().default("127.0.0.1"),
  /**
   * Host names the server answers to besides APP_ORIGIN's and the loopback names
   * (comma-separated, e.g. "192.168.1.20,rolemap.local"): any other Host header is refused,
   * so a page on a rebound DNS name cannot reach the API.
   */
  ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== ""),
    ),
  /** Open connections (HTTP and live) the server holds at most; more are refused. */
  MAX_CONNECTIONS: z.coerce.number().int().min(1).default(1000),
  /** A PostgreSQL server; when absent, the embedded database under DATA_DIR is used. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest accepted JSON body. 16 MB holds a 20,000-role chart with its matrix. */
  BODY_LIMIT: z.string().default("16mb"),
  /** Directory of the built web app to serve, when it exists. */
  WEB_DIST: z.string().optional(),
  /** The app's public origin (https://rolemap.example.com); default: the request's Host. */
  APP_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((url) => new URL(url).origin)
    .optional(),
  /** Foreign origins (comma-separated) that may call the API from a browser. */
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ""),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin))),
  /** Express's "trust proxy": false, true, a hop count or addresses (behind a TLS proxy: 1). */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value) =>
      value === "true"
        ? true
        : value === "false"
          ? false
          : /^\d+$/.test(value)
            ? Number(value)
            : value,
    ),
  /** API requests per minute per principal (per address when anonymous); 0: no limit. */
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(1200),
  /** Failed sign-ins per 15 minutes per address before 429; 0: no limit. */
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(0).default(10),
  /** A client has this long to send a request's headers. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(10_000),
  /** …and this long to send the whole request, body included. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /** How often live rooms compare their charts' versions with the database (heals a lost poke). */
  LIVE_HEAL_MS: z.coerce.number().int().min(100).default(5_000),
  /** A live client further behind than this many versions gets the whole chart, not the log. */
  LIVE_CATCH_UP_LIMIT: z.coerce.number().int().min(0).default(1_000),
  /**
   * Versions older than this many days are compacted (history.md): their log rows go,
   * named versions (created, restored, promoted, restored to, scenario bases) stay and can
   * still be shown. 0: history is kept whole.
   */
  HISTORY_COMPACT_AFTER_DAYS: z.coerce.number().int().min(0).default(180),
  /** Worker threads for exports and imports (off the event loop); default: cores − 1, 1–2. */
  INTERCHANGE_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  /** Exports and imports that may wait for a thread before the next gets 503. */
  INTERCHANGE_QUEUE: z.coerce.number().int().min(0).default(4),
  /** Exports and imports one principal may have running or waiting at once (then 429). */
  INTERCHANGE_PER_PRINCIPAL: z.coerce.number().int().min(1).default(2),
  /** An export or import that takes longer (waiting included) is stopped: 422. */
  INTERCHANGE_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /** A worker's JavaScript heap; an export or import needing more is stopped: 422. */
  INTERCHANGE_MEMORY_MB: z.coerce.number().int().min(32).default(1_024),
  /** PostgreSQL (db/postgres-limits.ts says why these defaults): connections per process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(DB.poolSize),
  /** …how long a request waits for a connection before it is answered 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(DB.connectTimeoutMs),
  /** …the longest statement (statement_timeout); a frozen server is given 5 s more. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(DB.statementTimeoutMs),
  /** …the longest wait for a lock, e.g. on a chart row someone holds (lock_timeout): 503. */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).default(DB.lockTimeoutMs),
  /** …the longest write transaction (a 20,000-role replacement takes seconds). */
  DATABASE_TRANSACTION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(DB.transactionTimeoutMs),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return { ...parsed.data, DATA_DIR: resolve(parsed.data.DATA_DIR) };
}
