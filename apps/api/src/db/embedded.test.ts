import { existsSync } from "node:fs";
import { lstat, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "./database";
import { openEmbedded } from "./embedded";

/**
 * The embedded database on a data folder (issue 17): one server per folder, owner-only
 * files, commits fsync'd before they return, and no TCP port. One folder serves the file
 * (creating a PGlite database takes seconds); the tests run in order.
 */

const warnings: string[] = [];
const warn = (message: string) => void warnings.push(message);

/** Every file and directory under `dir`, with its mode. */
async function modesUnder(dir: string): Promise<{ file: string; mode: number }[]> {
  const found = [{ file: dir, mode: (await lstat(dir)).mode }];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await modesUnder(file)));
    else found.push({ file, mode: (await lstat(file)).mode });
  }
  return found;
}

describe("openEmbedded on a data folder", () => {
  let dataDir = "";
  let first: Database;
  const synced: string[] = [];
  const listened: unknown[][] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "rolemap-embedded-"));
    const listen = vi.spyOn(Server.prototype, "listen");
    try {
      first = await openEmbedded(dataDir, warn, { onFileSync: (file) => synced.push(file) });
    } finally {
      listened.push(...listen.mock.calls);
      listen.mockRestore();
    }
    await first.prisma.$executeRawUnsafe("CREATE TABLE kept (n integer)");
  });
  afterAll(async () => {
    await first?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("runs PostgreSQL with fsync on, through fsync (fdatasync is a no-op in PGlite)", async () => {
    const setting = (name: string) =>
      first.prisma.$queryRawUnsafe<Record<string, string>[]>(`SHOW ${name}`);
    expect(await setting("fsync")).toEqual([{ fsync: "on" }]);
    expect(await setting("wal_sync_method")).toEqual([{ wal_sync_method: "fsync" }]);
    expect(await setting("synchronous_commit")).toEqual([{ synchronous_commit: "on" }]);
  });

  it("fsyncs the write-ahead log before a commit returns", async () => {
    synced.length = 0;
    await first.prisma.$executeRawUnsafe("INSERT INTO kept VALUES (1)");
    const wal = path.join(dataDir, "pg_wal");
    expect(synced.filter((file) => file.startsWith(`${wal}${path.sep}`)).length).toBeGreaterThan(0);
  });

  it("refuses a second server on the folder, naming it, and the first keeps working", async () => {
    await expect(openEmbedded(dataDir, warn)).rejects.toThrow(
      `another Rolemap server is using ${dataDir} (pid ${process.pid}); stop it or set DATA_DIR to another folder`,
    );
    await first.prisma.$executeRawUnsafe("INSERT INTO kept VALUES (2)");
    expect(await first.prisma.$queryRawUnsafe("SELECT sum(n)::int AS n FROM kept")).toEqual([
      { n: 3 },
    ]);
  });

  it("keeps the folder and every file in it owner-only", async () => {
    const reachable = (await modesUnder(dataDir))
      .filter(({ mode }) => (mode & 0o077) !== 0)
      .map(({ file, mode }) => `${file} ${(mode & 0o777).toString(8)}`);
    expect(reachable).toEqual([]);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect(warnings).toEqual([]); // nothing to fix in a folder it created itself
  });

  it("opens no TCP port: only a Unix socket, in a directory only this user can enter", async () => {
    expect(listened).toHaveLength(1);
    const [socketPath] = listened[0] ?? [];
    expect(typeof socketPath).toBe("string");
    const socketDir = path.dirname(String(socketPath));
    const { mode, uid } = await stat(socketDir);
    expect(mode & 0o777).toBe(0o700);
    expect(uid).toBe(process.getuid?.());
    expect(path.basename(String(socketPath))).toBe(".s.PGSQL.5432");
  });

  it("opens again after close, with its data, and removes the socket's directory", async () => {
    const socketDir = path.dirname(String(listened[0]?.[0]));
    await first.close();
    expect(existsSync(socketDir)).toBe(false);
    first = await openEmbedded(dataDir, warn);
    expect(await first.prisma.$queryRawUnsafe("SELECT sum(n)::int AS n FROM kept")).toEqual([
      { n: 3 },
    ]);
  });
});
