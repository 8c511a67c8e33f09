import type { Env } from "../env";

/**
 * How long the API waits for a PostgreSQL server before it answers 503 (env.ts's
 * DATABASE_*). Without them a stopped server failed fast but a frozen one, or one chart
 * row locked in psql, held requests, and the pool's connections, for as long as it lasted.
 *
 * The defaults leave big charts room: on the 2-core machine the largest single statement of
 * a 20,000-role chart (inserting its 60,000 assignments) took 1.3 s, creating the chart
 * 2.7 s and replacing all its rows 5.7 s, all in one transaction.
 */
export interface PostgresLimits {
  /** Connections in this process's pool. */
  poolSize: number;
  /** Waiting for a pooled connection, or for a new one to open; then 503. */
  connectTimeoutMs: number;
  /** The server cancels a statement running longer (`statement_timeout`). */
  statementTimeoutMs: number;
  /** The server cancels a statement waiting longer for a lock (`lock_timeout`). */
  lockTimeoutMs: number;
  /**
   * One transaction at most: Prisma's interactive-transaction timeout, and the server's
   * `idle_in_transaction_session_timeout` (a transaction left open by a process that
   * froze or lost its network frees its row locks after this).
   */
  transactionTimeoutMs: number;
  /**
   * A query the server has not answered after this long closes its connection (a frozen
   * server, a silent network: neither ends the TCP connection). Longer than the statement
   * timeout, so a server that works cancels the statement itself first.
   */
  queryDeadlineMs: number;
}

/** Added to the statement timeout for the client's own deadline. */
const DEADLINE_GRACE_MS = 5_000;

/** The limits from the environment's values (env.ts), the client deadline derived. */
export function postgresLimits(values: Omit<PostgresLimits, "queryDeadlineMs">): PostgresLimits {
  return { ...values, queryDeadlineMs: values.statementTimeoutMs + DEADLINE_GRACE_MS };
}

/** The defaults of env.ts's DATABASE_* variables. */
export const DEFAULT_POSTGRES_LIMITS = postgresLimits({
  poolSize: 10,
  // A request waits this long for one of the pool's connections (or a new one) at most.
  connectTimeoutMs: 5_000,
  // 11× the largest statement measured (1.3 s); a statement this slow is a stuck server.
  statementTimeoutMs: 15_000,
  // Row locks are held by commits (milliseconds; a 20,000-role replacement, seconds), and in
  // one process writers of a chart queue before the lock: a longer wait is someone's open
  // transaction (SELECT … FOR UPDATE in psql), and the writer gets 503 instead of waiting.
  lockTimeoutMs: 5_000,
  // 10× the largest transaction measured (5.7 s).
  transactionTimeoutMs: 60_000,
});

/** The limits env.ts's DATABASE_* variables set. */
export function postgresLimitsOf(env: Env): PostgresLimits {
  return postgresLimits({
    poolSize: env.DATABASE_POOL_SIZE,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: env.DATABASE_LOCK_TIMEOUT_MS,
    transactionTimeoutMs: env.DATABASE_TRANSACTION_TIMEOUT_MS,
  });
}
