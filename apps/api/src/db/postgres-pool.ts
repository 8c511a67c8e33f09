import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { QueryDeadlineError } from "./database-outage";
import type { PostgresLimits } from "./postgres-limits";

/** TCP keep-alive: a connection to a host that vanished is noticed in about a minute. */
const KEEP_ALIVE_MS = 10_000;

/**
 * A pg client that gives up on a query its server does not answer within `deadlineMs`: it
 * closes the connection, so the query (and any queued behind it) fails, the pool drops the
 * connection, and the server rolls back what it held once it runs again. pg's own
 * `query_timeout` would leave the connection open with its transaction, and a later user of
 * that connection could find itself inside it.
 */
function clientWithDeadline(deadlineMs: number): typeof pg.Client {
  return class DeadlineClient extends pg.Client {
    // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; all pass through.
    override query(...args: any[]): any {
      const query = (passed: unknown[]) =>
        (super.query as (...passed: unknown[]) => unknown).apply(this, passed);
      const timer = setTimeout(
        () => this.connection.stream.destroy(new QueryDeadlineError(deadlineMs)),
        deadlineMs,
      );
      const callback: unknown = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (...results: unknown[]) => {
          clearTimeout(timer);
          callback(...results);
        };
        return query(args);
      }
      const result = query(args);
      if (result instanceof Promise) result.then(cleared(timer), cleared(timer));
      else clearTimeout(timer); // a submittable (cursor, stream): not used here
      return result;
    }
  };
}

const cleared = (timer: NodeJS.Timeout) => () => clearTimeout(timer);

type Transaction = Awaited<
  ReturnType<Awaited<ReturnType<PrismaPg["connect"]>>["startTransaction"]>
>;

/**
 * Prisma 6.19 gives a transaction's connection back to the pool only after its COMMIT or
 * ROLLBACK succeeded. On a connection that died mid-transaction (a server restart,
 * pg_terminate_backend, a deadline above) the ROLLBACK fails, and the connection stayed
 * checked out for good: a pool of ten was empty after ten of those, and every request then
 * waited for a connection until a restart. Here it is given back (the pool drops it: it is
 * no longer queryable).
 */
function releasedWhenItsEndFails(transaction: Transaction): Transaction {
  const execute = transaction.executeRaw.bind(transaction);
  transaction.executeRaw = async (query) => {
    try {
      return await execute(query);
    } catch (error) {
      if (query.sql === "COMMIT" || query.sql === "ROLLBACK") await transaction.rollback();
      throw error;
    }
  };
  return transaction;
}

/** The driver adapter over this process's pool, with the deadlines of `limits`. */
export function postgresAdapter(url: string, limits: PostgresLimits): PrismaPg {
  const pool = new pg.Pool({
    connectionString: url,
    max: limits.poolSize,
    // Waiting for a free connection and opening a new one, each.
    connectionTimeoutMillis: limits.connectTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    idle_in_transaction_session_timeout: limits.transactionTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEP_ALIVE_MS,
    application_name: `rolemap-api ${process.pid}`,
    Client: clientWithDeadline(limits.queryDeadlineMs),
  });
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) =>
      releasedWhenItsEndFails(await start(isolationLevel));
    return adapter;
  };
  return factory;
}
