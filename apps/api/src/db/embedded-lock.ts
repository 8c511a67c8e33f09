import { readFileSync } from "node:fs";
import { chmod, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";
import { isProcessAlive } from "./embedded-pids";

/**
 * One server per data folder. The lock is proper-lockfile's: a directory created atomically
 * (`rolemap.lock` in the folder) whose mtime its holder refreshes every second. Beside it,
 * `rolemap.lock.json` names the holder (pid, host, boot), so that a live holder is named in
 * the refusal and a crashed one (kill -9, power loss) does not block the next start:
 *
 * - holder alive on this machine: refuse at once;
 * - holder dead (no such pid, another boot, or our own pid: a restarted container): the lock
 *   is taken once it has gone unrefreshed for 2 s;
 * - holder not checkable (another host or container, no record): after 10 s unrefreshed.
 */

const LOCK_NAME = "rolemap.lock";
const HOLDER_NAME = "rolemap.lock.json";
const REFRESH_MS = 1_000;
const DEAD_HOLDER_STALE_MS = 2_000; // proper-lockfile's smallest
const UNCHECKABLE_HOLDER_STALE_MS = 10_000;
const RETRY_MS = 250;

interface Holder {
  pid: number;
  host: string;
  boot?: string;
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, holder: Holder | undefined) {
    const who =
      holder === undefined
        ? "pid unknown"
        : holder.host === hostname()
          ? `pid ${holder.pid}`
          : `pid ${holder.pid} on ${holder.host}`;
    super(
      `another Rolemap server is using ${dataDir} (${who}); stop it or set DATA_DIR to another folder`,
    );
    this.name = "DataDirInUseError";
  }
}

/** Folders this process holds, by real path: a second open here is refused at once. */
const heldHere = new Set<string>();

/**
 * Locks `dataDir` (which must exist) for this process; answers the release. Rejects with
 * DataDirInUseError while another server holds it. `onLost` is called if the lock is taken
 * away while held (its folder removed, or taken by a host that thought it stale).
 */
export async function lockDataDir(
  dataDir: string,
  onLost: (error: Error) => void,
): Promise<() => Promise<void>> {
  const dir = await realpath(dataDir);
  const holderFile = path.join(dir, HOLDER_NAME);
  if (heldHere.has(dir)) throw new DataDirInUseError(dataDir, thisProcess());
  const release = await acquire(dataDir, dir, onLost);
  try {
    await chmod(path.join(dir, LOCK_NAME), 0o700); // proper-lockfile's mkdir leaves it to the umask
    await writeFile(`${holderFile}.tmp`, JSON.stringify(thisProcess()), { mode: 0o600 });
    await rename(`${holderFile}.tmp`, holderFile);
  } catch (error) {
    await release();
    throw error;
  }
  heldHere.add(dir);
  return async () => {
    heldHere.delete(dir);
    // The record first: once the lock is gone, the file may already be the next holder's.
    await rm(holderFile, { force: true });
    await release().catch((error: unknown) => {
      if ((error as { code?: string }).code !== "ERELEASED") throw error; // lost: onLost was told
    });
  };
}

async function acquire(dataDir: string, dir: string, onLost: (error: Error) => void) {
  const options = (staleMs: number) => ({
    lockfilePath: path.join(dir, LOCK_NAME),
    realpath: false,
    stale: staleMs,
    update: REFRESH_MS,
    retries:
      staleMs === Number.POSITIVE_INFINITY
        ? 0
        : {
            retries: Math.ceil((staleMs + 2 * REFRESH_MS) / RETRY_MS),
            factor: 1,
            minTimeout: RETRY_MS,
          },
    onCompromised: onLost,
  });
  try {
    // Never stale on the first try: a live holder may be busy for longer than any threshold.
    return await lockfile.lock(dir, options(Number.POSITIVE_INFINITY));
  } catch (error) {
    if (!isLocked(error)) throw error;
  }
  const holder = await readHolder(dir);
  const state = holderState(holder);
  if (state === "alive") throw new DataDirInUseError(dataDir, holder);
  try {
    return await lockfile.lock(
      dir,
      options(state === "dead" ? DEAD_HOLDER_STALE_MS : UNCHECKABLE_HOLDER_STALE_MS),
    );
  } catch (error) {
    if (!isLocked(error)) throw error;
    throw new DataDirInUseError(dataDir, (await readHolder(dir)) ?? holder);
  }
}

const isLocked = (error: unknown) => (error as { code?: string }).code === "ELOCKED";

async function readHolder(dir: string): Promise<Holder | undefined> {
  try {
    const holder = JSON.parse(await readFile(path.join(dir, HOLDER_NAME), "utf8")) as Holder;
    return Number.isInteger(holder.pid) && typeof holder.host === "string" ? holder : undefined;
  } catch {
    return undefined; // none yet (a holder between its lock and its record), or unreadable
  }
}

function holderState(holder: Holder | undefined): "alive" | "dead" | "uncheckable" {
  if (holder === undefined || holder.host !== hostname()) return "uncheckable";
  if (holder.boot !== bootId()) return "dead";
  if (holder.pid === process.pid) return "dead"; // not held here: a previous life of this pid
  return isProcessAlive(holder.pid) ? "alive" : "dead";
}

const thisProcess = (): Holder => ({ pid: process.pid, host: hostname(), boot: bootId() });

/** Linux's id of this boot: a pid recorded before a reboot is no one's now. */
function bootId(): string | undefined {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return undefined;
  }
}
