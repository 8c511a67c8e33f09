import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Database } from "./database";
import { migrate } from "./migrate";
import { DEFAULT_POSTGRES_LIMITS, type PostgresLimits } from "./postgres-limits";
import { postgresAdapter } from "./postgres-pool";
import { postgresTransactionOptions } from "./transaction-options";

/**
 * A PostgreSQL server: several stateless API processes can share it. `limits` bound every
 * wait on it (postgres-limits.ts), so an outage is answered 503 rather than held.
 */
export async function openPostgres(
  url: string,
  warn: (message: string) => void,
  limits: PostgresLimits = DEFAULT_POSTGRES_LIMITS,
): Promise<Database> {
  // Migrations run without the limits: waiting for another process's migration is right.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(
      {
        query: async (sql, params) => (await client.query(sql, params)).rows,
        exec: async (script) => void (await client.query(script)),
      },
      warn,
    );
  } finally {
    await client.end();
  }
  return connectPostgres(url, limits);
}

/** Prisma over a pool to `url`, bounded by `limits`; it connects on the first query. */
export function connectPostgres(url: string, limits: PostgresLimits): Database {
  const prisma = new PrismaClient({
    adapter: postgresAdapter(url, limits),
    transactionOptions: postgresTransactionOptions(limits),
  });
  return { kind: "postgres", prisma, close: () => prisma.$disconnect() };
}
