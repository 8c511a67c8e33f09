import { PGlite } from "@electric-sql/pglite";
import type { Database } from "../src/db/database";
import { openEmbedded } from "../src/db/embedded";
import { fmtMs, percentile, type Row, removeDir, tempDir } from "./lib";

/**
 * What durability costs the embedded database (issue 17): the same commits through Prisma
 * and the private socket on two data folders, one as the server opens it (fsync on: each
 * commit fsyncs the WAL) and one with PGlite's own settings (fsync off, as before). Rounds
 * alternate between them so machine noise hits both alike. A commit is one INSERT in its
 * own transaction: the smallest acknowledged write; a bigger one still fsyncs once.
 * Also: creating a new data folder both ways (durable fsyncs initdb's files once).
 */

const ROUNDS = 20;
const COMMITS_PER_ROUND = 20;
const WARMUP = 20;

interface Side {
  label: string;
  database: Database;
  dir: string;
  createMs: number;
  times: number[];
  fsyncs: number;
}

async function open(label: string, durable: boolean): Promise<Side> {
  const dir = await tempDir(`durability-${label}`);
  const counted = { fsyncs: 0 };
  const started = performance.now();
  const database = await openEmbedded(dir, () => {}, {
    durable,
    onFileSync: () => {
      counted.fsyncs++;
    },
  });
  const createMs = performance.now() - started;
  await database.prisma.$executeRawUnsafe("CREATE TABLE bench_commits (n integer, at timestamptz)");
  // The counter and the side are one object, so the sync hook counts into it.
  return Object.assign(counted, { label, dir, database, createMs, times: [] as number[] });
}

async function commit(side: Side, n: number): Promise<number> {
  const started = performance.now();
  await side.database.prisma.$executeRawUnsafe("INSERT INTO bench_commits VALUES ($1, now())", n);
  return performance.now() - started;
}

export async function benchEmbeddedDurability(): Promise<Row[]> {
  const sides: Side[] = [];
  try {
    // PGlite's first start in a process compiles its WebAssembly: not part of either side.
    await (await PGlite.create()).close();
    sides.push(await open("fsync on (default)", true));
    sides.push(await open("fsync off (before)", false));
    for (const side of sides) for (let n = 0; n < WARMUP; n++) await commit(side, n);
    for (const side of sides) side.fsyncs = 0;
    for (let round = 0; round < ROUNDS; round++)
      for (const side of sides)
        for (let n = 0; n < COMMITS_PER_ROUND; n++) side.times.push(await commit(side, n));
    return sides.flatMap((side) => rows(side)).concat(costRow(sides));
  } finally {
    for (const side of sides) {
      await side.database.close();
      await removeDir(side.dir);
    }
  }
}

function rows(side: Side): Row[] {
  const sorted = [...side.times].sort((a, b) => a - b);
  const [p50, p99] = [percentile(sorted, 0.5), percentile(sorted, 0.99)];
  const fsyncsPerCommit = side.fsyncs / side.times.length;
  console.log(
    `embedded durability (${side.label}): new folder ${fmtMs(side.createMs)}; ${side.times.length} commits: p50 ${fmtMs(p50)}, p99 ${fmtMs(p99)}; ${fsyncsPerCommit.toFixed(2)} fsyncs a commit`,
  );
  const name = `embedded commit, ${side.label}`;
  return [
    {
      benchmark: name,
      metric: `p50 / p99 (n=${side.times.length})`,
      value: `${fmtMs(p50)} / ${fmtMs(p99)}`,
    },
    { benchmark: name, metric: "fsyncs a commit", value: fsyncsPerCommit.toFixed(2) },
    { benchmark: name, metric: "open a new data folder", value: fmtMs(side.createMs) },
  ];
}

function costRow([durable, relaxed]: Side[]): Row {
  const p50 = (side: Side | undefined) =>
    percentile(
      [...(side?.times ?? [])].sort((a, b) => a - b),
      0.5,
    );
  return {
    benchmark: "embedded commit, durability",
    metric: "p50 cost a commit (on − off)",
    value: fmtMs(p50(durable) - p50(relaxed)),
  };
}
