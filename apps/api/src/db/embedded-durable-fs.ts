import { fsyncSync } from "node:fs";
import { PGlite, type postgresMod } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/**
 * PGlite's data directory on Node is Emscripten's NODEFS, which has no `fsync`: PostgreSQL's
 * fsync() reaches it as a no-op that reports success (and its fdatasync() is a no-op in
 * Emscripten's libc), and PGlite starts PostgreSQL with `-F` (fsync off) anyway. Files it
 * creates get the modes PostgreSQL or PGlite ask for without a umask, 0666 for most.
 *
 * This file system gives NODEFS a real fsync and creates everything owner-only, and the
 * start parameters below let PostgreSQL use it: `wal_sync_method=fsync` (fsync, not the
 * no-op fdatasync), so each commit is fsync'd in the WAL before COMMIT returns, and
 * checkpoints fsync the data files and directories as on any PostgreSQL server.
 */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== "-F"),
  "-c",
  "fsync=on",
  "-c",
  "wal_sync_method=fsync",
  "-c",
  "synchronous_commit=on",
];

/** Group and other bits: never set on what the embedded database creates. */
const NOT_OWNER = 0o077;

type NodeFsInit = NodeFS["init"];

/** What this file uses of Emscripten's NODEFS (not part of PGlite's typed API). */
interface EmscriptenStream {
  nfd: number;
  node: unknown;
}
interface EmscriptenNodeFs {
  tryFSOperation<T>(operation: () => T): T;
  realPath(node: unknown): string;
  node_ops: {
    mknod(parent: unknown, name: string, mode: number, dev: number): unknown;
    setattr(node: unknown, attr: { mode?: number }): void;
  };
  stream_ops: {
    setattr(stream: EmscriptenStream, attr: { mode?: number }): void;
    fsync?: (stream: EmscriptenStream) => number;
  };
}

/** Called with each file or directory after it was fsync'd (tests, the bench). */
export type OnFileSync = (file: string) => void;

export class DurableNodeFS extends NodeFS {
  constructor(
    dataDir: string,
    private readonly onFileSync?: OnFileSync,
  ) {
    super(dataDir);
  }

  override async init(...args: Parameters<NodeFsInit>): ReturnType<NodeFsInit> {
    const { emscriptenOpts } = await super.init(...args);
    const harden = (mod: postgresMod.PostgresMod) => {
      const filesystems = (mod.FS as unknown as { filesystems: { NODEFS?: EmscriptenNodeFs } })
        .filesystems;
      if (filesystems.NODEFS === undefined) throw new Error("PGlite has no NODEFS to make durable");
      hardenNodeFs(filesystems.NODEFS, this.onFileSync);
    };
    return {
      emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), harden] },
    };
  }
}

function hardenNodeFs(nodefs: EmscriptenNodeFs, onFileSync: OnFileSync | undefined): void {
  const { node_ops: nodeOps, stream_ops: streamOps } = nodefs;
  const mknod = nodeOps.mknod;
  nodeOps.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & ~NOT_OWNER, dev);
  const setNodeAttr = nodeOps.setattr;
  nodeOps.setattr = (node, attr) => setNodeAttr(node, ownerOnly(attr));
  const setStreamAttr = streamOps.setattr;
  streamOps.setattr = (stream, attr) => setStreamAttr(stream, ownerOnly(attr));
  // A failed fsync throws an ErrnoError, which PostgreSQL sees as the error of its fsync().
  streamOps.fsync = (stream) => {
    nodefs.tryFSOperation(() => fsyncSync(stream.nfd));
    onFileSync?.(nodefs.realPath(stream.node));
    return 0;
  };
}

const ownerOnly = <T extends { mode?: number }>(attr: T): T =>
  attr.mode === undefined ? attr : { ...attr, mode: attr.mode & ~NOT_OWNER };
