import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { link, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDeadSocketDirs } from "./embedded-socket";

const SOCKET = ".s.PGSQL.5432";

const listening = (socketPath: string) =>
  new Promise<Server>((resolve) => {
    const server = createServer((socket) => socket.end()).listen(socketPath, () => resolve(server));
  });

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid ?? -1;
}

describe("removeDeadSocketDirs", () => {
  let parent = "";
  const servers: Server[] = [];
  beforeEach(async () => {
    parent = await mkdtemp(path.join(tmpdir(), "rolemap-sockets-"));
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
    await rm(parent, { recursive: true, force: true });
  });

  async function socketDir(name: string) {
    const dir = path.join(parent, name);
    await mkdir(dir, { mode: 0o700 });
    return dir;
  }

  it("removes the directory of a killed server (its pid gone, its socket refusing)", async () => {
    const dead = await socketDir(`rolemap-db-${await deadPid()}-dead`);
    // A socket nobody listens on, as kill -9 leaves it: a second name for a closed socket.
    const server = await listening(path.join(parent, "live.sock"));
    await link(path.join(parent, "live.sock"), path.join(dead, SOCKET));
    await new Promise((done) => server.close(done));
    const neverListened = await socketDir(`rolemap-db-${await deadPid()}-early`);

    await removeDeadSocketDirs(parent);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(neverListened)).toBe(false);
  });

  it("keeps those of live processes, sockets that answer, and other directories", async () => {
    const alive = await socketDir(`rolemap-db-${process.ppid}-alive`);
    const answering = await socketDir(`rolemap-db-${await deadPid()}-elsewhere`);
    servers.push(await listening(path.join(answering, SOCKET)));
    const mine = await socketDir(`rolemap-db-${process.pid}-mine`);
    const other = await socketDir("rolemap-dbx-1-other");

    await removeDeadSocketDirs(parent);
    for (const dir of [alive, answering, mine, other]) expect(existsSync(dir)).toBe(true);
  });
});
