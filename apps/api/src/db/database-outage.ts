import { AppError } from "../errors";

/**
 * Tells a database that cannot serve now (down, unreachable, restarting, frozen, out of
 * connections, or holding a lock past our deadline) from every other failure: the first is
 * answered 503 with Retry-After, so a client waits and tries again; the rest stay 500s.
 *
 * Errors reach us in four shapes: Prisma's (a `P…` code, the driver's error in
 * `meta.driverAdapterError`), the driver adapter's own `DriverAdapterError` (its `cause`
 * holds a `kind` and the SQLSTATE), pg's (a SQLSTATE `code`, or a socket's `E…` code), and
 * pg's or pg-pool's plain `Error`s known only by their message.
 */

/** How long a client should wait before trying again, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

export const databaseUnavailable = () =>
  new AppError("database_unavailable", "the database is not answering; try again in a few seconds");

/** A query the server did not answer in time: its connection was closed (postgres.ts). */
export class QueryDeadlineError extends Error {
  constructor(deadlineMs: number) {
    super(`the database did not answer a query within ${deadlineMs} ms`);
    this.name = "QueryDeadlineError";
  }
}

/** Prisma's codes for a server it cannot reach or keep, a pool or a transaction it cannot get. */
const PRISMA_CODES = new Set([
  "P1001", // can't reach the database server
  "P1002", // the server was reached but timed out
  "P1008", // operations timed out
  "P1017", // the server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2028", // transaction API: could not start one in time, or it expired
  "P2037", // too many connections
]);

/** SQLSTATEs of a server that cannot serve this now; class 08 (connection exception) too. */
const SQLSTATES = new Set([
  "57P01", // admin_shutdown: the server is stopping, or pg_terminate_backend
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "53300", // too_many_connections
  "57014", // query_canceled: statement_timeout
  "55P03", // lock_not_available: lock_timeout
]);

/** The driver adapter's kinds for the same (Prisma maps them to the codes above). */
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/** Node's socket errors: refused, reset, timed out, no route, no name (yet). */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** pg's and pg-pool's own errors, which carry no code. */
const MESSAGES = [
  /^Connection terminated/, // …unexpectedly; …due to connection timeout
  /^timeout exceeded when trying to connect$/, // no pooled connection free in time
  /^timeout expired$/, // connecting took too long
  /is not queryable$/, // a client whose connection already failed, or was closed
  /^Query read timeout$/,
  /^Cannot use a pool after calling end on the pool$/, // shutting down
];

/** A Unix socket that is gone (the embedded database's, once it closed): Prisma keeps the code. */
const socketGone = (error: object) =>
  "code" in error &&
  error.code === "ENOENT" &&
  (("syscall" in error && error.syscall === "connect") ||
    (error instanceof Error && /\bconnect ENOENT\b/.test(error.message)));

function codeMeansUnavailable(code: unknown): boolean {
  if (typeof code !== "string") return false;
  return (
    PRISMA_CODES.has(code) ||
    SQLSTATES.has(code) ||
    /^08[0-9A-Z]{3}$/.test(code) ||
    SOCKET_CODES.has(code)
  );
}

/** The errors an error wraps: `cause`, Prisma's driver error, the adapter's cause. */
function wrapped(error: object): unknown[] {
  const inner: unknown[] = [];
  if ("cause" in error) inner.push(error.cause);
  const meta = "meta" in error ? error.meta : undefined;
  if (typeof meta === "object" && meta !== null && "driverAdapterError" in meta)
    inner.push(meta.driverAdapterError);
  return inner;
}

/** True when `error` (or what it wraps) says the database cannot serve now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  if (error instanceof QueryDeadlineError) return true;
  if (("code" in error && codeMeansUnavailable(error.code)) || socketGone(error)) return true;
  if ("originalCode" in error && codeMeansUnavailable(error.originalCode)) return true;
  if ("kind" in error && typeof error.kind === "string" && ADAPTER_KINDS.has(error.kind))
    return true;
  if (error instanceof Error && MESSAGES.some((pattern) => pattern.test(error.message)))
    return true;
  return wrapped(error).some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
