import { chmod, mkdtemp, readdir, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { isProcessAlive } from "./embedded-pids";

/**
 * pg reaches a Unix socket as `<host>/.s.PGSQL.<port>` when `host` is a directory; the
 * port is only part of the name.
 */
const PG_PORT = 5432;
const SOCKET_NAME = `.s.PGSQL.${PG_PORT}`;
/** Socket directories are named for their process, so a later start can clear a dead one's. */
const DIR_PREFIX = "rolemap-db-";
const DIR_PATTERN = /^rolemap-db-(\d+)-/;
/** sun_path holds 108 bytes on Linux, 104 on macOS, with the closing NUL. */
const MAX_SOCKET_PATH = 103;

/** How pg (and Prisma's adapter) connect to the embedded database. */
export interface SocketConnection {
  host: string;
  port: number;
  user: string;
  database: string;
}

export interface PrivateSocketServer {
  connection: SocketConnection;
  /** The directory holding the socket (0700, ours). */
  dir: string;
  close(): Promise<void>;
}

/**
 * Serves `db` on a Unix socket in a fresh directory only this user can enter (0700), not on
 * a TCP port: PostgreSQL's superuser needs no password there, so whoever reaches the socket
 * owns the data. The directory is removed on close.
 */
export async function servePrivateSocket(db: PGlite): Promise<PrivateSocketServer> {
  const parent = socketParent();
  await removeDeadSocketDirs(parent);
  const dir = await mkdtemp(path.join(parent, `${DIR_PREFIX}${process.pid}-`));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await chmod(dir, 0o700); // mkdtemp's own mode; said again, as it is what protects the socket
    const server = new PGLiteSocketServer({
      db,
      path: path.join(dir, SOCKET_NAME),
      // More than the pool's one: pg-pool replaces a connection after a query error, and the
      // new socket must not be refused while the old one is still closing.
      maxConnections: 4,
    });
    await server.start();
    return {
      connection: { host: dir, port: PG_PORT, user: "postgres", database: "postgres" },
      dir,
      async close() {
        await server.stop();
        await remove();
      },
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** The temp directory, or /tmp when TMPDIR is too long for a socket path. */
function socketParent(): string {
  const longest = path.join(tmpdir(), `${DIR_PREFIX}4194304-XXXXXX`, SOCKET_NAME);
  return Buffer.byteLength(longest) <= MAX_SOCKET_PATH ? tmpdir() : "/tmp";
}

/**
 * Removes the socket directories of servers that were killed (kill -9 leaves them): those
 * whose process is gone and whose socket answers no one. A server in another pid namespace
 * sharing this directory still answers on its socket, so it is left alone.
 */
export async function removeDeadSocketDirs(parent: string): Promise<void> {
  const names = await readdir(parent).catch(() => []);
  for (const name of names) {
    const pid = Number(DIR_PATTERN.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isProcessAlive(pid)) continue;
    const dir = path.join(parent, name);
    if (await answersNoOne(path.join(dir, SOCKET_NAME)))
      await rm(dir, { recursive: true, force: true });
  }
}

const answersNoOne = (socketPath: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(socketPath);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "ECONNREFUSED" || error.code === "ENOENT"),
    );
  });
