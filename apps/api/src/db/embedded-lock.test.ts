import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "./embedded-lock";

const inUse = (dir: string, pid: number) =>
  `another Rolemap server is using ${dir} (pid ${pid}); stop it or set DATA_DIR to another folder`;

const notLost = (error: Error) => {
  throw error;
};

/** Another process that takes the lock on `dir` and holds it until it is killed. */
async function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `const { lockDataDir } = await import(process.argv[1]);
       await lockDataDir(process.argv[2], () => {});
       console.log("locked");
       setInterval(() => {}, 60_000);`,
      path.join(import.meta.dirname, "embedded-lock.ts"),
      dir,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the holder exited (${code}) before locking`)));
  });
  return child;
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

describe("lockDataDir", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "rolemap-lock-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a second lock in this process, naming the folder, until the first is released", async () => {
    const release = await lockDataDir(dir, notLost);
    await expect(lockDataDir(dir, notLost)).rejects.toThrow(inUse(dir, process.pid));
    await release();
    const again = await lockDataDir(dir, notLost);
    await again();
  });

  it("refuses while another live process holds it, and takes it once that process is killed (kill -9)", async () => {
    const holder = await holdInChild(dir);
    try {
      const refused = lockDataDir(dir, notLost);
      await expect(refused).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(refused).rejects.toThrow(inUse(dir, holder.pid ?? -1));
    } finally {
      await killed(holder);
    }
    // The dead holder's lock is left behind, unrefreshed: it is taken within seconds.
    const release = await lockDataDir(dir, notLost);
    await release();
  });

  it("takes a lock left by another host once it has not been refreshed for 10 s", async () => {
    const lock = path.join(dir, "rolemap.lock");
    await mkdir(lock);
    const record = { pid: 1, host: `not-${hostname()}` };
    await writeFile(path.join(dir, "rolemap.lock.json"), JSON.stringify(record));
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, minuteAgo, minuteAgo);
    const release = await lockDataDir(dir, notLost);
    await release();
  });

  it("takes a lock recorded before this machine's last boot, even if that pid is alive now", async () => {
    const lock = path.join(dir, "rolemap.lock");
    await mkdir(lock);
    // process.ppid is alive; the record's boot is not this one.
    const record = { pid: process.ppid, host: hostname(), boot: "an-earlier-boot" };
    await writeFile(path.join(dir, "rolemap.lock.json"), JSON.stringify(record));
    const secondsAgo = new Date(Date.now() - 5_000);
    await utimes(lock, secondsAgo, secondsAgo);
    const release = await lockDataDir(dir, notLost);
    await release();
  });
});
