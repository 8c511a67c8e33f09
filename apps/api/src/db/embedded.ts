import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Database } from "./database";
import { DURABLE_START_PARAMS, DurableNodeFS, type OnFileSync } from "./embedded-durable-fs";
import { restrictToOwner, syncTree } from "./embedded-files";
import { lockDataDir } from "./embedded-lock";
import { servePrivateSocket } from "./embedded-socket";
import { migrate } from "./migrate";
import { TRANSACTION_OPTIONS } from "./transaction-options";

/**
 * PostgreSQL's default 128 MB of shared buffers is the largest part of the embedded
 * database's memory; the operating system caches its files as well.
 */
const EMBEDDED_CONF = "shared_buffers = 32MB";

export interface EmbeddedOptions {
  /** Called after each file or directory the database fsyncs (tests, the bench). */
  onFileSync?: OnFileSync;
  /** false: PGlite's own settings, no fsync, PGlite's file modes. Only the bench, to compare. */
  durable?: boolean;
}

type Closer = () => Promise<unknown>;

/**
 * PostgreSQL in-process (PGlite, WebAssembly), stored under `dataDir`, or in memory when it
 * is undefined (tests). A data folder is held by one server at a time (embedded-lock.ts),
 * owner-only, and a commit is fsync'd before it is acknowledged (embedded-durable-fs.ts).
 * Prisma reaches the database through a Unix socket in a private directory with a pool of
 * one connection: PGlite runs one session, so requests queue rather than interleave.
 */
export async function openEmbedded(
  dataDir: string | undefined,
  warn: (message: string) => void,
  options: EmbeddedOptions = {},
): Promise<Database> {
  const closers: Closer[] = [];
  try {
    const db =
      dataDir === undefined
        ? await PGlite.create({ postgresqlconf: EMBEDDED_CONF })
        : await openDataDir(dataDir, warn, options, closers);
    closers.push(() => db.close());
    await migrate(
      {
        query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
        exec: async (script) => void (await db.exec(script)),
      },
      warn,
    );
    const socket = await servePrivateSocket(db);
    closers.push(() => socket.close());
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ ...socket.connection, max: 1 }),
      // One connection: a queued transaction may wait behind others longer than Prisma's 2 s default.
      transactionOptions: TRANSACTION_OPTIONS,
    });
    return {
      kind: "embedded",
      prisma,
      async close() {
        // Under load pg's pool sometimes never finishes ending its connection to the socket
        // server (seen in CI: a shutdown that hung for minutes). Nothing is in flight by now,
        // so it gets a second, and PGlite is closed (and flushed) and the folder unlocked
        // either way.
        await withinASecond(prisma.$disconnect());
        await closeInReverse(closers);
      },
    };
  } catch (error) {
    await closeInReverse(closers).catch(() => {});
    throw error;
  }
}

/** Locks the folder, makes it owner-only, creates the database if new, and opens it. */
async function openDataDir(
  dataDir: string,
  warn: (message: string) => void,
  options: EmbeddedOptions,
  closers: Closer[],
): Promise<PGlite> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  closers.push(await lockDataDir(dataDir, (error) => lockLost(dataDir, error, warn)));
  const { changed, notOurs } = await restrictToOwner(dataDir);
  if (changed > 0)
    warn(`made ${changed} files and folders in ${dataDir} owner-only: others could reach them`);
  if (notOurs.length > 0)
    warn(
      `cannot make ${notOurs.length} files or folders in ${dataDir} owner-only (another user owns ${notOurs[0]}): others may reach the database`,
    );
  const durable = options.durable !== false;
  const create = () =>
    PGlite.create({
      fs: durable ? new DurableNodeFS(dataDir, options.onFileSync) : new NodeFS(dataDir),
      postgresqlconf: EMBEDDED_CONF,
      ...(durable ? { startParams: DURABLE_START_PARAMS } : {}),
    });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    // PGlite keeps the memory of creating a database (initdb, ~450 MB) for as long as that
    // instance lives: a new data directory is created by a throwaway instance, then opened.
    await (await create()).close();
    // Written from an image of initdb's output, which PostgreSQL itself never fsyncs.
    if (durable) await syncTree(dataDir);
  }
  return create();
}

/** Another process took the folder while this one held it: stop rather than both write. */
function lockLost(dataDir: string, error: Error, warn: (message: string) => void): never {
  const message = `lost the lock on ${dataDir} (${error.message}); stopping, so that two servers never write to it`;
  warn(message);
  throw new Error(message);
}

/** Runs every closer, last opened first, even when one fails; then throws the first failure. */
async function closeInReverse(closers: Closer[]): Promise<void> {
  const failures: unknown[] = [];
  for (const close of closers.splice(0).reverse()) await close().catch((e) => failures.push(e));
  if (failures.length > 0) throw failures[0];
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
