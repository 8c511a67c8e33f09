import type { PostgresLimits } from "./postgres-limits";

/**
 * The embedded database: Prisma's defaults (2 s to start, 5 s to run) failed large charts
 * with a 500. Its one connection serves every transaction in turn, so a transaction may
 * wait behind a 20,000-role write (tens of seconds on PGlite) before it starts.
 */
export const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 120_000 };

/**
 * A PostgreSQL server: a transaction waits for its connection no longer than any query (the
 * pool's connect timeout gives up first, with an error the API answers 503; Prisma's
 * maxWait, a second later, is only a backstop) and lasts at most the transaction timeout,
 * the same the server allows it to sit idle.
 */
export function postgresTransactionOptions(
  limits: Pick<PostgresLimits, "connectTimeoutMs" | "transactionTimeoutMs">,
) {
  return { maxWait: limits.connectTimeoutMs + 1_000, timeout: limits.transactionTimeoutMs };
}
