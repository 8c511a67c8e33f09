import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Database } from "./database";
import { migrate } from "./migrate";
import { TRANSACTION_OPTIONS } from "./transaction-options";

/**
 * PostgreSQL's default 128 MB of shared buffers is the largest part of the embedded
 * database's memory; the operating system caches its files as well.
 */
const EMBEDDED_CONF = "shared_buffers = 32MB";

/**
 * PostgreSQL in-process (PGlite, WebAssembly), stored under `dataDir`. Prisma reaches it
 * through a loopback socket with a pool of one connection: PGlite runs one session, so
 * requests queue rather than interleave.
 */
export async function openEmbedded(
  dataDir: string | undefined,
  warn: (message: string) => void,
): Promise<Database> {
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true });
    // PGlite keeps the memory of creating a database (initdb, ~450 MB) for as long as that
    // instance lives: a new data directory is created by a throwaway instance, then opened.
    if (!existsSync(path.join(dataDir, "PG_VERSION")))
      await (await PGlite.create({ dataDir, postgresqlconf: EMBEDDED_CONF })).close();
  }
  const db = await PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    postgresqlconf: EMBEDDED_CONF,
  });
  await migrate(
    {
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
      exec: async (script) => void (await db.exec(script)),
    },
    warn,
  );
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    // More than the pool's one: pg-pool replaces a connection after a query error, and the
    // new socket must not be refused while the old one is still closing.
    maxConnections: 4,
  });
  await server.start();
  const prisma = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: `postgresql://postgres@${server.getServerConn()}/postgres`,
      max: 1,
    }),
    // One connection: a queued transaction may wait behind others longer than Prisma's 2 s default.
    transactionOptions: TRANSACTION_OPTIONS,
  });
  return {
    kind: "embedded",
    prisma,
    async close() {
      // Under load pg's pool sometimes never finishes ending its connection to the socket
      // server (seen in CI: a shutdown that hung for minutes). Nothing is in flight by now,
      // so it gets a second, and PGlite is closed (and flushed) either way.
      await withinASecond(prisma.$disconnect());
      await server.stop();
      await db.close();
    },
  };
}

/** Waits for `promise`, but at most a second. */
async function withinASecond(promise: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const second = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 1000);
  });
  await Promise.race([promise, second]);
  clearTimeout(timer);
}
