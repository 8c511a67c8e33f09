import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Database } from "./database";
import { migrate } from "./migrate";
import { TRANSACTION_OPTIONS } from "./transaction-options";

/** A PostgreSQL server: several stateless API processes can share it. */
export async function openPostgres(
  url: string,
  warn: (message: string) => void,
): Promise<Database> {
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
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  return { kind: "postgres", prisma, close: () => prisma.$disconnect() };
}
