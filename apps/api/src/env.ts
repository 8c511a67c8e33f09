import { resolve } from "node:path";
import { z } from "zod";

/**
 * The only place that reads `process.env`. Everything else receives these values as
 * arguments, so tests build apps with whatever configuration they need.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
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
