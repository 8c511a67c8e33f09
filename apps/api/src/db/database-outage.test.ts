import pg from "pg";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client.js";
import { isDatabaseUnavailable, QueryDeadlineError } from "./database-outage";

/** Errors in the shapes they were seen in (postgres-outage.test.ts provokes them for real). */
const prisma = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(`prisma ${code}`, {
    code,
    clientVersion: "6.19.3",
    ...(meta === undefined ? {} : { meta }),
  });

/** The driver adapter's error: its `cause` says what the driver reported. */
const adapter = (cause: Record<string, unknown>) =>
  Object.assign(new Error(String(cause.message ?? cause.kind)), {
    name: "DriverAdapterError",
    cause,
  });

const postgres = (code: string, message = `server error ${code}`) => {
  const error = new pg.DatabaseError(message, 0, "error");
  error.code = code;
  error.severity = "ERROR";
  return error;
};

const socket = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), {
    code,
    syscall: "connect",
    errno: -1,
  });

const rawQueryFailed = (code: string) =>
  prisma("P2010", {
    driverAdapterError: adapter({ kind: "postgres", code, originalCode: code }),
  });

describe("a database that cannot serve now", () => {
  it.each([
    ["Prisma: can't reach the server (P1001)", prisma("P1001")],
    ["Prisma: timed out reaching it (P1002)", prisma("P1002")],
    ["Prisma: the server closed the connection (P1017)", prisma("P1017")],
    ["Prisma: no pooled connection in time (P2024)", prisma("P2024")],
    ["Prisma: a transaction not started in time (P2028)", prisma("P2028")],
    [
      "Prisma: a raw query refused (P2010 wrapping ECONNREFUSED)",
      prisma("P2010", {
        driverAdapterError: adapter({ kind: "DatabaseNotReachable", host: "h", port: 1 }),
      }),
    ],
    ["Prisma: a raw query hit statement_timeout (57014)", rawQueryFailed("57014")],
    ["Prisma: a raw query hit lock_timeout (55P03)", rawQueryFailed("55P03")],
    ["Prisma: a raw query's backend terminated (57P01)", rawQueryFailed("57P01")],
    [
      "adapter: lock_timeout (55P03)",
      adapter({ kind: "postgres", code: "55P03", originalCode: "55P03" }),
    ],
    [
      "adapter: too many connections",
      adapter({ kind: "TooManyConnections", originalCode: "53300" }),
    ],
    ["adapter: connection reset", adapter({ kind: "ConnectionClosed" })],
    ["adapter: socket timeout", adapter({ kind: "SocketTimeout" })],
    ["pg: admin_shutdown (57P01)", postgres("57P01")],
    ["pg: cannot_connect_now (57P03)", postgres("57P03", "the database system is starting up")],
    ["pg: too_many_connections (53300)", postgres("53300")],
    ["pg: query_canceled (57014)", postgres("57014")],
    ["pg: lock_not_available (55P03)", postgres("55P03")],
    ["pg: connection_failure (08006)", postgres("08006")],
    ["socket: ECONNREFUSED", socket("ECONNREFUSED")],
    ["socket: ECONNRESET", socket("ECONNRESET")],
    ["socket: ETIMEDOUT", socket("ETIMEDOUT")],
    ["socket: a Unix socket that is gone (ENOENT on connect)", socket("ENOENT")],
    [
      "Prisma: the same, with the socket's code",
      Object.assign(prisma("ENOENT"), {
        message: "Invalid `prisma.$queryRaw()` invocation:\nconnect ENOENT /tmp/x/.s.PGSQL.5432",
      }),
    ],
    ["pg: Connection terminated unexpectedly", new Error("Connection terminated unexpectedly")],
    [
      "pg-pool: a new connection timed out",
      new Error("Connection terminated due to connection timeout", {
        cause: new Error("Connection terminated unexpectedly"),
      }),
    ],
    ["pg-pool: no connection free in time", new Error("timeout exceeded when trying to connect")],
    [
      "pg: a client whose connection failed",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    ["pg: connecting timed out", new Error("timeout expired")],
    ["ours: a query past its deadline", new QueryDeadlineError(20_000)],
    ["wrapped in a cause", new Error("could not load", { cause: postgres("57P01") })],
  ])("%s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});

describe("every other failure", () => {
  it.each([
    ["Prisma: unique violation (P2002)", prisma("P2002")],
    ["Prisma: foreign key (P2003)", prisma("P2003")],
    ["Prisma: authentication failed (P1000): configuration, not an outage", prisma("P1000")],
    ["Prisma: database does not exist (P1003)", prisma("P1003")],
    ["Prisma: a raw query's unique violation (23505)", rawQueryFailed("23505")],
    ["pg: undefined table (42P01)", postgres("42P01")],
    ["pg: internal error (XX000)", postgres("XX000")],
    ["adapter: unique violation", adapter({ kind: "UniqueConstraintViolation" })],
    ["a plain error", new Error("something else")],
    ["a file error", Object.assign(new Error("no such file"), { code: "ENOENT" })],
    ["an AppError", new AppError("not_found", "chart was not found")],
    ["a string", "Connection terminated unexpectedly"],
    ["null", null],
    ["undefined", undefined],
  ])("%s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops at a cycle of causes", () => {
    const a: { cause?: unknown } = {};
    a.cause = { cause: a };
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
