import { chmod, lstat, open, readdir } from "node:fs/promises";
import path from "node:path";

/** Group and other bits. */
const NOT_OWNER = 0o077;

/** Every directory and file under `dir` (itself first), depth first; symlinks are not followed. */
async function* walk(dir: string): AsyncGenerator<{ file: string; isDirectory: boolean }> {
  yield { file: dir, isDirectory: true };
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(file);
    else if (entry.isFile()) yield { file, isDirectory: false };
  }
}

/**
 * Makes `dir` and everything in it owner-only (directories 0700, files 0600), for data
 * folders created before the embedded database created its files so (PGlite made most of
 * them 0666). Answers how many it changed, and those it may not change (EPERM: owned by
 * another user, as a volume's root can be).
 */
export async function restrictToOwner(
  dir: string,
): Promise<{ changed: number; notOurs: string[] }> {
  let changed = 0;
  const notOurs: string[] = [];
  for await (const { file, isDirectory } of walk(dir)) {
    const { mode } = await lstat(file);
    if ((mode & NOT_OWNER) === 0) continue;
    try {
      await chmod(file, isDirectory ? 0o700 : 0o600);
      changed++;
    } catch (error) {
      if ((error as { code?: string }).code !== "EPERM") throw error;
      notOurs.push(file);
    }
  }
  return { changed, notOurs };
}

/** fsyncs in flight at once: the thread pool overlaps them (~3× faster than one by one). */
const SYNC_CONCURRENCY = 16;

/**
 * fsyncs every file and directory under `dir`: a new data folder is written by PGlite
 * from an image of initdb's output, files PostgreSQL never fsyncs itself (it syncs only
 * what it wrote, at its checkpoints).
 */
export async function syncTree(dir: string): Promise<void> {
  const files: string[] = [];
  for await (const { file } of walk(dir)) files.push(file);
  const next = files.values();
  const worker = async () => {
    for (const file of next) {
      const handle = await open(file, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: SYNC_CONCURRENCY }, worker));
}
